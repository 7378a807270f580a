namespace GbbTeamsBot.Hosting;

/// <summary>
/// Unauthenticated mode lets anyone post activities, so it exists only for local use with the Playground:
/// it needs the explicit setting and the Development environment, otherwise the app refuses to start.
/// </summary>
public static class UnauthenticatedModeGuard
{
    public const string SettingKey = "Bot:AllowUnauthenticated";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(SettingKey);

    public static void Enforce(IConfiguration configuration, IHostEnvironment environment)
    {
        if (IsEnabled(configuration) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{SettingKey}=true is only allowed in the Development environment (current: '{environment.EnvironmentName}'). " +
                "Configure Bot:AppId and credentials instead, or set ASPNETCORE_ENVIRONMENT=Development for local use.");
        }
    }
}
