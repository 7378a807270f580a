using System.Globalization;
using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.EndToEnd.Tests.LocalProcesses;

/// <summary>
/// The built host in Development listens where the standard ASP.NET Core settings say, not on a port pinned in
/// appsettings (the Development default 3978 only applies when none is given; see the host tests).
/// </summary>
public sealed class ListenAddressTests
{
    private const int DefaultPort = 3978;

    public static TheoryData<string> Settings => ["ASPNETCORE_URLS", "URLS", "--urls"];

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task In_Development_the_bot_answers_healthz_on_the_port_of_the_standard_setting(string setting)
    {
        await using var azurite = await AzuriteTableService.StartAsync();
        var defaultPortWasFree = !FreePort.IsInUse(DefaultPort);
        var port = FreePort.Next();
        var address = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var environment = new Dictionary<string, string?>();
        string[] arguments = [];
        if (setting.StartsWith("--", StringComparison.Ordinal))
        {
            arguments = [setting, address];
        }
        else
        {
            environment[setting] = address;
        }

        // StartAsync waits for /healthz on this port and fails after its time limit when the bot listens elsewhere.
        await using var bot = await BotHostProcess.StartAsync(
            port, azurite.ConnectionString, extraEnvironment: environment, hostArguments: arguments);

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"{address}/healthz"));
        Assert.True(response.IsSuccessStatusCode, $"/healthz on {address} answered {(int)response.StatusCode}.");
        if (defaultPortWasFree)
        {
            Assert.False(FreePort.IsInUse(DefaultPort), $"The bot also listens on {DefaultPort}.");
        }
    }
}
