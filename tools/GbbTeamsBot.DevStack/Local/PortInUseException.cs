namespace GbbTeamsBot.DevStack.Local;

/// <summary>A fixed port the local stack needs is taken; the message names the port and how to find its owner.</summary>
public sealed class PortInUseException : InvalidOperationException
{
    public PortInUseException(int port, string purpose, string? detail = null)
        : base($"Port {port} (for {purpose}) is already in use. {detail}{(detail is null ? "" : " ")}" +
               $"Find the process with: {FreePort.HowToFindOwner(port)} and stop it, or stop an earlier local stack that is still running.")
    {
        Port = port;
    }

    public PortInUseException()
    {
    }

    public PortInUseException(string message)
        : base(message)
    {
    }

    public PortInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Port { get; }
}
