namespace GbbTeamsBot.BotFramework.Tests.Inbound;

public sealed class BotOptionsValidatorTests
{
    private static IEnumerable<string> Errors(BotOptions options) =>
        Errors(options, "Development");

    private static IEnumerable<string> Errors(BotOptions options, string environment) =>
        new BotOptionsValidator(environment).Validate(null, options).Failures ?? [];

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

    [Fact]
    public void Outside_development_the_credential_type_must_be_set_explicitly()
    {
        var options = new BotOptions { AppId = "11111111-2222-3333-4444-555555555555" };

        Assert.Empty(Errors(options, "Development"));
        Assert.Contains(Errors(options, "Production"), e => e.Contains("Bot:Credential:Type", StringComparison.Ordinal));
        options.Credential.Type = "ManagedIdentity";
        Assert.Empty(Errors(options, "Production"));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", false, true)]
    [InlineData("https://europe.botframework.com/", false, true)]
    [InlineData("https://botframework.com.attacker.example/", false, false)]
    [InlineData("https://attackerbotframework.com/", false, false)]
    [InlineData("http://smba.trafficmanager.net/emea/", false, false)]
    [InlineData("http://127.0.0.1:5000/amer/", false, false)]
    [InlineData("http://127.0.0.1:5000/amer/", true, true)]
    [InlineData("http://localhost:56150/", true, true)]
    [InlineData("http://smba.trafficmanager.net/emea/", true, false)]
    [InlineData("https://user:pw@smba.trafficmanager.net/emea/", false, false)]
    public void Service_urls_are_https_bot_service_hosts_outside_development(string serviceUrl, bool development, bool allowed)
    {
        Assert.Equal(allowed, new GbbTeamsBot.BotFramework.Connector.ServiceUrlPolicy([], development).Allows(serviceUrl));
    }

    [Fact]
    public void A_configured_host_list_replaces_the_defaults_and_bad_entries_are_named()
    {
        var policy = new GbbTeamsBot.BotFramework.Connector.ServiceUrlPolicy(["bots.contoso.example"], isDevelopment: false);
        var options = new BotOptions { Connector = { AllowedServiceUrlHosts = ["https://bad/"] } };

        Assert.True(policy.Allows("https://bots.contoso.example/x/"));
        Assert.False(policy.Allows("https://smba.trafficmanager.net/emea/"));
        Assert.Contains(Errors(options), e => e.Contains("Bot:Connector:AllowedServiceUrlHosts:0", StringComparison.Ordinal));
    }
}
