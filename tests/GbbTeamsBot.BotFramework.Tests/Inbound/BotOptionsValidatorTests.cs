namespace GbbTeamsBot.BotFramework.Tests.Inbound;

public sealed class BotOptionsValidatorTests
{
    private static IEnumerable<string> Errors(BotOptions options) =>
        new BotOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Defaults_without_app_id_are_valid_and_refuse_all_requests()
    {
        var options = new BotOptions();

        Assert.Empty(Errors(options));
        Assert.Equal(BotAuthenticationMode.RefuseAll, options.Mode);
    }

    [Theory]
    [InlineData("not-a-guid", null, null, "Bot:AppId")]
    [InlineData("11111111-2222-3333-4444-555555555555", "contoso", null, "Bot:TenantId")]
    [InlineData("11111111-2222-3333-4444-555555555555", null, "http://login.example.com/meta", "Bot:Auth:BotFrameworkMetadataUrl")]
    [InlineData("11111111-2222-3333-4444-555555555555", null, "relative/path", "Bot:Auth:BotFrameworkMetadataUrl")]
    public void Invalid_settings_are_named_in_the_start_up_error(string appId, string? tenant, string? metadata, string expectedKey)
    {
        var options = new BotOptions { AppId = appId, TenantId = tenant ?? string.Empty };
        if (metadata is not null)
        {
            options.Auth.BotFrameworkMetadataUrl = metadata;
        }

        Assert.Contains(Errors(options), e => e.Contains(expectedKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Client_secret_credential_without_a_secret_is_rejected()
    {
        var options = new BotOptions { AppId = "11111111-2222-3333-4444-555555555555", Credential = { Type = "ClientSecret" } };

        Assert.Contains(Errors(options), e => e.Contains("Bot:Credential:ClientSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void Loopback_http_metadata_is_allowed_for_test_key_servers()
    {
        var options = new BotOptions { AppId = "11111111-2222-3333-4444-555555555555" };
        options.Auth.EntraMetadataUrl = "http://127.0.0.1:5123/entra/v2.0/.well-known/openid-configuration";

        Assert.Empty(Errors(options));
        Assert.Equal(BotAuthenticationMode.Authenticated, options.Mode);
    }
}
