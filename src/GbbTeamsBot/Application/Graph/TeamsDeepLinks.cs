namespace GbbTeamsBot.Application.Graph;

/// <summary>Teams deep links to a session's conversation (a channel thread or a chat), for links back from Microsoft 365.</summary>
public static class TeamsDeepLinks
{
    /// <summary>
    /// A channel thread ("19:…@thread.tacv2;messageid=…") links to its root message, any other conversation to the chat;
    /// null when the conversation is not known.
    /// </summary>
    public static string? Conversation(string? conversationId, string? tenantId)
    {
        if (string.IsNullOrWhiteSpace(conversationId))
        {
            return null;
        }

        var tenant = string.IsNullOrWhiteSpace(tenantId) ? string.Empty : "tenantId=" + Uri.EscapeDataString(tenantId);
        const string Marker = ";messageid=";
        var at = conversationId.IndexOf(Marker, StringComparison.Ordinal);
        if (at > 0)
        {
            var channel = conversationId[..at];
            var message = Uri.EscapeDataString(conversationId[(at + Marker.Length)..]);
            return "https://teams.microsoft.com/l/message/" + Uri.EscapeDataString(channel) + "/" + message + "?" + tenant
                + (tenant.Length > 0 ? "&" : string.Empty) + "parentMessageId=" + message;
        }

        return "https://teams.microsoft.com/l/chat/" + Uri.EscapeDataString(conversationId) + "/0" + (tenant.Length > 0 ? "?" + tenant : string.Empty);
    }
}
