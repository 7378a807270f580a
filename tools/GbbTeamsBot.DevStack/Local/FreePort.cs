using System.Net;
using System.Net.Sockets;

namespace GbbTeamsBot.DevStack.Local;

public static class FreePort
{
    /// <summary>A TCP port on loopback that is free right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when something listens on the port (on loopback or on all interfaces) or it cannot be bound.</summary>
    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException)
        {
            return true;
        }

        // On Linux a failed bind already covers listeners on all interfaces. Elsewhere (Windows allows binding
        // 127.0.0.1 next to a 0.0.0.0 listener) also try to connect. Not on Linux: a connect to a port in the ephemeral
        // range with nobody listening can connect to itself and leave the port in TIME-WAIT.
        return !OperatingSystem.IsLinux() && AcceptsConnections(port);
    }

    /// <summary>A one-line hint for finding the process that holds the port, for this operating system.</summary>
    public static string HowToFindOwner(int port) =>
        OperatingSystem.IsWindows() ? $"netstat -ano | findstr :{port}   (then: tasklist /FI \"PID eq <pid>\")"
        : OperatingSystem.IsMacOS() ? $"lsof -nP -iTCP:{port} -sTCP:LISTEN"
        : $"ss -ltnp 'sport = :{port}'   (or: lsof -nP -iTCP:{port} -sTCP:LISTEN)";

    private static bool AcceptsConnections(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(300)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> WaitUntilListeningAsync(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }
}
