using GbbTeamsBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace GbbTeamsBot.Tests.Hosting;

public sealed class DevelopmentListenAddressTests
{
    [Fact]
    public void Development_without_a_listen_setting_listens_on_3978()
    {
        var builder = Builder("Development");

        DevelopmentListenAddress.Apply(builder);

        Assert.Equal("http://localhost:3978", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5055")]
    [InlineData("--http_ports", "5056")]
    [InlineData("--Kestrel:Endpoints:Http:Url", "http://127.0.0.1:5057")]
    public void A_standard_listen_setting_is_left_as_it_is(string key, string value)
    {
        var builder = Builder("Development", key, value);
        var before = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);

        DevelopmentListenAddress.Apply(builder);

        Assert.Equal(before, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
        Assert.NotEqual(DevelopmentListenAddress.Default, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void Outside_Development_nothing_is_pinned()
    {
        var builder = Builder("Production");

        DevelopmentListenAddress.Apply(builder);

        Assert.NotEqual(DevelopmentListenAddress.Default, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void The_Development_settings_file_does_not_pin_the_address()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json");
        Assert.True(File.Exists(file), $"{file} is missing from the test output.");
        Assert.DoesNotContain("\"Urls\"", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
    }

    private static WebApplicationBuilder Builder(string environment, params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            Args = args,
            ContentRootPath = Directory.CreateTempSubdirectory("gbb-listen-").FullName,
        });
}
