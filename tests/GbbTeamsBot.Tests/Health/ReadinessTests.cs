using System.Net;
using GbbTeamsBot.DevStack.Local;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GbbTeamsBot.Tests.Health;

/// <summary>
/// /healthz and /readyz of the real app against a real Azurite that is stopped and started again underneath it:
/// readiness follows storage by itself, liveness stays up, and the app is never restarted.
/// </summary>
public sealed class ReadinessTests : IAsyncLifetime
{
    private AzuriteTableService _azurite = null!;
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteTableService.StartAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Bot:AllowUnauthenticated", "true");
            builder.UseSetting("Storage:ConnectionString", _azurite.ConnectionString);
        });
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Readyz_is_200_while_storage_answers_and_healthz_is_200()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusOf("/healthz"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf("/readyz"));
    }

    [Fact]
    public async Task Readyz_is_503_while_Azurite_is_stopped_and_200_again_when_it_is_back_without_restarting_the_app()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusOf("/readyz"));

        await _azurite.StopAsync();
        using var down = await _client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var downBody = await down.Content.ReadAsStringAsync();
        var liveWhileDown = await StatusOf("/healthz");

        await _azurite.StartAgainAsync();
        var readyAgain = await WaitForStatusAsync("/readyz", HttpStatusCode.OK, TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("unavailable", downBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_azurite.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), downBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown);
        Assert.Equal(HttpStatusCode.OK, readyAgain);
    }

    [Fact]
    public async Task Probes_answer_ok_as_text_and_ready_as_json_and_only_to_GET()
    {
        using var live = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await _client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var posted = await _client.PostAsync(new Uri("/healthz", UriKind.Relative), content: null);

        Assert.Equal("ok", await live.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", live.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"status\":\"ready\"}", await ready.Content.ReadAsStringAsync());
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.StatusCode);
    }

    private async Task<HttpStatusCode> StatusOf(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> WaitForStatusAsync(string path, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var status = await StatusOf(path);
        while (status != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = await StatusOf(path);
        }

        return status;
    }
}
