namespace GbbTeamsBot.Domain.Participation;

/// <summary>
/// Where a session's records (protocol, record for the case file) are shown: in the conversation where it ran (any
/// thread of that channel or chat) and to its participants, wherever they ask. Team scope comes first: records never
/// leave their team's (or private channel's) scope at all.
/// </summary>
public static class RecordAccess
{
    public static bool MayShow(bool viewerTookPart, string? sessionConversationId, string requestConversationId) =>
        viewerTookPart
        || (sessionConversationId is not null && string.Equals(Channel(sessionConversationId), Channel(requestConversationId), StringComparison.Ordinal));

    /// <summary>A channel thread's conversation id carries ";messageid=…"; the channel or chat is the part before.</summary>
    public static string Channel(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}
