using System.Net;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>The Connector answered with an error (after retries where retrying was safe).</summary>
public class ConnectorException : Exception
{
    public ConnectorException() { }

    public ConnectorException(string message) : base(message) { }

    public ConnectorException(string message, Exception inner) : base(message, inner) { }

    public ConnectorException(HttpStatusCode? statusCode, string? errorCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Connector's error code (e.g. ConversationNotFound); never message text or payload.</summary>
    public string? ErrorCode { get; }
}

/// <summary>
/// A POST whose fate is unknown (502, 504, timeout or a dropped connection after sending): it may have been posted.
/// It is not re-posted automatically, because Teams has no idempotency key and a second POST could show the message
/// twice. The caller decides (see <see cref="ConnectorClient"/> for the policy).
/// </summary>
public sealed class ConnectorOutcomeUnknownException : ConnectorException
{
    public ConnectorOutcomeUnknownException() { }

    public ConnectorOutcomeUnknownException(string message) : base(message) { }

    public ConnectorOutcomeUnknownException(string message, Exception inner) : base(message, inner) { }

    public ConnectorOutcomeUnknownException(HttpStatusCode? statusCode, string message, Exception? inner = null)
        : base(statusCode, null, message, inner) { }
}
