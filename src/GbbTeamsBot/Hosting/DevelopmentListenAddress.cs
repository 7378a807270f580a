namespace GbbTeamsBot.Hosting;

/// <summary>
/// In Development the bot listens on the Bot Framework's usual local address, but only where none of the standard
/// host settings (ASPNETCORE_URLS, URLS, --urls, HTTP_PORTS/HTTPS_PORTS, Kestrel endpoints) names one: those always win.
/// </summary>
public static class DevelopmentListenAddress
{
    public const string Default = "http://localhost:3978";

    public static void Apply(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() && !IsConfigured(builder.Configuration))
        {
            builder.WebHost.UseUrls(Default);
        }
    }

    private static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").Exists();
}
