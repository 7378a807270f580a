using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GbbTeamsBot.DevStack.Local;
using Azure.Data.Tables;

namespace GbbTeamsBot.EndToEnd.Tests.LocalProcesses;

/// <summary>
/// The process layer shared by the one-command launcher and the test fixtures: data survives a graceful Azurite
/// restart, nothing outlives its starter, and start failures name their cause.
/// </summary>
public sealed class LocalProcessTests
{
    [Fact]
    public async Task Azurite_with_a_data_folder_keeps_an_entity_across_a_graceful_restart()
    {
        var folder = Directory.CreateTempSubdirectory("gbb-azurite-restart-").FullName;
        try
        {
            await using var azurite = await AzuriteTableService.StartAsync(dataFolder: folder);
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("restartcheck");
            await table.CreateIfNotExistsAsync();
            var entity = new TableEntity("team-nord", "entry-1") { ["Note"] = "kept" };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);

            await azurite.StopAsync();
            await azurite.StartAgainAsync();

            var readBack = await new TableServiceClient(azurite.ConnectionString).GetTableClient("restartcheck").GetEntityAsync<TableEntity>("team-nord", "entry-1");
            Assert.Equal("kept", readBack.Value.GetString("Note"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_guarded_command_stops_when_the_process_that_started_it_goes_away()
    {
        var psi = new ProcessStartInfo(NodeTools.NodeExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { RepoPaths.GuardScript, NodeTools.NodeExecutable, "-e", "console.log(process.pid); setInterval(() => {}, 1000);" })
        {
            psi.ArgumentList.Add(argument);
        }

        using var guard = Process.Start(psi)!;
        var guardedPid = int.Parse((await guard.StandardOutput.ReadLineAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsRunning(guardedPid));

        // What the operating system does when the starter dies, even by SIGKILL: its end of the pipe closes.
        guard.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await guard.WaitForExitAsync(timeout.Token);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (IsRunning(guardedPid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.False(IsRunning(guardedPid));
    }

    [Fact]
    public async Task The_Playground_on_a_taken_port_fails_with_the_port_named_and_how_to_find_its_owner()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("gbb-playground-port-").FullName;

        var error = await Assert.ThrowsAsync<PortInUseException>(() => PlaygroundService.StartAsync(
            port, new Uri("http://127.0.0.1:9/api/messages"), PlaygroundConfig.SozialraumNord,
            Path.Combine(folder, PlaygroundConfig.FileName), folder));

        Assert.Equal(port, error.Port);
        Assert.Contains($"Port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains(FreePort.HowToFindOwner(port), error.Message, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_bot_that_fails_at_start_is_reported_with_its_own_last_output_lines()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BotHostProcess.StartAsync(FreePort.Next(), storageConnectionString: "not-a-connection-string"));

        Assert.Contains("The bot exited during start", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
