using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Application;

/// <summary>Where a session lives: its tenant and team (the storage partition) and its id.</summary>
public sealed record SessionAddress(string TenantId, string TeamId, string SessionId)
{
    public TeamScope Scope => new(TenantId, TeamId);

    public override string ToString() => $"Session({TenantId}, {TeamId}, {SessionId})";
}

/// <summary>
/// Where the session's shared live card was posted, so proactive updates can replace it: the conversation (a channel
/// thread or chat) and the activity id Teams returned when the card was sent. The service URL and bot id live in the
/// conversation reference stored for <see cref="ConversationId"/> (<c>ConversationReferenceRepository</c>).
/// </summary>
public sealed record LiveCardLocation(string ConversationId, string ActivityId)
{
    /// <summary>The thread root, when the card was posted as a reply in a channel thread.</summary>
    public string? ReplyToId { get; init; }
}
