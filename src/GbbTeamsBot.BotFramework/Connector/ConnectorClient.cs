using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>The Bot Connector v3 REST API and the Teams extensions, bound to one conversation's service URL.</summary>
public interface IConnectorClient
{
    /// <summary>The conversation this client was created for; its service URL is the only host it talks to.</summary>
    ConversationReference Reference { get; }

    Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a message (e.g. a card). Updates of the same message are coalesced: only the newest state is sent.</summary>
    Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Creates a 1:1 chat or a new channel thread and stores its conversation reference for later proactive use.</summary>
    Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken);

    Task<PagedMembersResult?> GetPagedMembersAsync(string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    Task<TeamsChannelAccount?> GetMemberAsync(string conversationId, string userId, CancellationToken cancellationToken);

    Task<TeamDetails?> GetTeamDetailsAsync(string teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string teamId, CancellationToken cancellationToken);

    Task<MeetingInfo?> GetMeetingInfoAsync(string meetingId, CancellationToken cancellationToken);

    Task<TeamsMeetingParticipant?> GetMeetingParticipantAsync(string meetingId, string participantId, string tenantId, CancellationToken cancellationToken);

    /// <summary>Targeted in-meeting notification; returns the recipients it failed for (207), or null when all succeeded (202).</summary>
    Task<MeetingNotificationResponse?> SendMeetingNotificationAsync(string meetingId, TargetedMeetingNotification notification, CancellationToken cancellationToken);
}

/// <summary>
/// Connector client for one service URL. Instances come only from <see cref="ConnectorClientFactory"/>, which takes
/// the service URL from a conversation reference learned from an authenticated inbound activity.
/// <para>
/// Retry policy: 429, 412, 502, 503 and 504 are retried with exponential backoff and jitter, honouring Retry-After.
/// GET, PUT and DELETE are idempotent and retried on all of them. A POST (send, reply, create conversation, meeting
/// notification) is retried only on 429, 412 and 503, answers with which Teams refuses a request before processing
/// it. After 502, 504, a timeout or a dropped connection the POST is not repeated, because Teams offers no
/// idempotency key and the message may already be visible; the call fails with
/// <see cref="ConnectorOutcomeUnknownException"/>. Callers that must not lose the message store their state first
/// and re-render on the next change with an update (PUT) of a message whose id they know, which is idempotent.
/// </para>
/// </summary>
public sealed class ConnectorClient : IConnectorClient
{
    private readonly Uri _baseUri;
    private readonly ConnectorTransport _transport;
    private readonly CardUpdateCoalescer _coalescer;
    private readonly IConversationReferenceStore _references;

    internal ConnectorClient(ConversationReference reference, ConnectorTransport transport, CardUpdateCoalescer coalescer, IConversationReferenceStore references)
    {
        Reference = reference;
        var url = reference.ServiceUrl.EndsWith('/') ? reference.ServiceUrl : reference.ServiceUrl + "/";
        _baseUri = new Uri(url, UriKind.Absolute);
        _transport = transport;
        _coalescer = coalescer;
        _references = references;
    }

    public ConversationReference Reference { get; }

    public Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        _transport.SendAsync<ResourceResponse>(HttpMethod.Post, Url($"v3/conversations/{E(conversationId)}/activities"), () => Outgoing(conversationId, activity), Thread(conversationId), cancellationToken);

    public Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        _transport.SendAsync<ResourceResponse>(HttpMethod.Post, Url($"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"), () => Outgoing(conversationId, activity with { ReplyToId = activityId }), Thread(conversationId), cancellationToken);

    public Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = Url($"v3/conversations/{E(conversationId)}/activities/{E(activityId)}");
        return _coalescer.UpdateAsync(
            uri.AbsoluteUri,
            activity,
            newest => _transport.SendAsync<ResourceResponse>(HttpMethod.Put, uri, () => newest() is Activity a ? Outgoing(conversationId, a with { Id = activityId }) : null, Thread(conversationId), CancellationToken.None))
            .WaitAsync(cancellationToken);
    }

    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        _transport.SendAsync<object>(HttpMethod.Delete, Url($"v3/conversations/{E(conversationId)}/activities/{E(activityId)}"), null, null, cancellationToken);

    public async Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bot = parameters.Bot ?? new ChannelAccount(Reference.BotId, Reference.BotName);
        var body = parameters with { Bot = bot, TenantId = parameters.TenantId ?? Reference.TenantId };
        var threadKey = ThreadSendLimiter.ThreadKey(Reference.ServiceUrl, "create:" + (Reference.TenantId ?? string.Empty));
        var created = await _transport.SendAsync<ConversationResourceResponse>(HttpMethod.Post, Url("v3/conversations"), () => body, threadKey, cancellationToken);
        if (!string.IsNullOrEmpty(created?.Id))
        {
            // The new conversation lives behind the same, already trusted service URL; the answer's serviceUrl is not used.
            var type = parameters.IsGroup == true ? "channel" : "personal";
            var reference = Reference.ForCreatedConversation(created.Id, type) with { TenantId = body.TenantId };
            await _references.SaveAsync(reference, cancellationToken);
        }

        return created;
    }

    public Task<PagedMembersResult?> GetPagedMembersAsync(string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + Math.Clamp(size, 50, 500).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + E(continuationToken));
        }

        var suffix = query.Count == 0 ? string.Empty : "?" + string.Join('&', query);
        return _transport.SendAsync<PagedMembersResult>(HttpMethod.Get, Url($"v3/conversations/{E(conversationId)}/pagedmembers{suffix}"), null, null, cancellationToken);
    }

    public Task<TeamsChannelAccount?> GetMemberAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        _transport.SendAsync<TeamsChannelAccount>(HttpMethod.Get, Url($"v3/conversations/{E(conversationId)}/members/{E(userId)}"), null, null, cancellationToken);

    public Task<TeamDetails?> GetTeamDetailsAsync(string teamId, CancellationToken cancellationToken) =>
        _transport.SendAsync<TeamDetails>(HttpMethod.Get, Url($"v3/teams/{E(teamId)}"), null, null, cancellationToken);

    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string teamId, CancellationToken cancellationToken)
    {
        var list = await _transport.SendAsync<ConversationList>(HttpMethod.Get, Url($"v3/teams/{E(teamId)}/conversations"), null, null, cancellationToken);
        return list?.Conversations ?? [];
    }

    public Task<MeetingInfo?> GetMeetingInfoAsync(string meetingId, CancellationToken cancellationToken) =>
        _transport.SendAsync<MeetingInfo>(HttpMethod.Get, Url($"v1/meetings/{E(meetingId)}"), null, null, cancellationToken);

    public Task<TeamsMeetingParticipant?> GetMeetingParticipantAsync(string meetingId, string participantId, string tenantId, CancellationToken cancellationToken) =>
        _transport.SendAsync<TeamsMeetingParticipant>(HttpMethod.Get, Url($"v1/meetings/{E(meetingId)}/participants/{E(participantId)}?tenantId={E(tenantId)}"), null, null, cancellationToken);

    public Task<MeetingNotificationResponse?> SendMeetingNotificationAsync(string meetingId, TargetedMeetingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Value.Recipients.Count == 0)
        {
            throw new ArgumentException("A targeted meeting notification needs at least one recipient.", nameof(notification));
        }

        return _transport.SendAsync<MeetingNotificationResponse>(HttpMethod.Post, Url($"v1/meetings/{E(meetingId)}/notification"), () => notification, null, cancellationToken);
    }

    /// <summary>Fills the envelope fields Teams expects on an outgoing activity, keeping what the caller set.</summary>
    private Activity Outgoing(string conversationId, Activity activity) => activity with
    {
        Type = activity.Type ?? ActivityTypes.Message,
        ChannelId = activity.ChannelId ?? Reference.ChannelId,
        From = activity.From ?? new ChannelAccount(Reference.BotId, Reference.BotName),
        Conversation = activity.Conversation ?? new ConversationAccount { Id = conversationId },
        ServiceUrl = null,
    };

    private string Thread(string conversationId) => ThreadSendLimiter.ThreadKey(Reference.ServiceUrl, conversationId);

    private Uri Url(string relative) => new(_baseUri, relative);

    private static string E(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }
}
