using System.Collections.Concurrent;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Domain.Participation;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Teams.Participation;

/// <summary>
/// Who someone in the conversation is for Teams: member of the own organisation, guest, another tenant. Read from the
/// connector's member API (GET v3/conversations/{team or chat}/members/{id}: userRole and tenantId), cached briefly
/// per conversation so a card click does not ask every time. When Teams cannot tell (the call fails, the person is
/// unknown to the roster) the answer is <see cref="MemberOrigin.Unknown"/>, which the rules treat as external: no
/// staff role, the external view, no team lists. The domain classifies (<see cref="ParticipantRoles.Classify"/>).
/// </summary>
public sealed partial class MemberStandings(IOptions<TeamsOptions> options, TimeProvider time, ILogger<MemberStandings> logger)
{
    /// <summary>A failed look-up is tried again soon: a short connector outage must not make a colleague a guest for long.</summary>
    public static readonly TimeSpan UnknownCacheDuration = TimeSpan.FromSeconds(30);

    private const int MaxCachedMembers = 20_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, MemberOrigin Origin)> _cache = new(StringComparer.Ordinal);

    /// <summary>The origin of the user who acts in this turn.</summary>
    public Task<MemberOrigin> OfActorAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return OfAsync(turn, turn.Activity.From?.Id ?? string.Empty, cancellationToken);
    }

    public async Task<MemberOrigin> OfAsync(TurnContext turn, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrEmpty(userId))
        {
            return MemberOrigin.Unknown;
        }

        var activity = turn.Activity;
        if (userId == activity.From?.Id && string.Equals(activity.From?.Role, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            // Anonymous meeting participants say so in the activity itself.
            return MemberOrigin.Guest;
        }

        var tenant = ConversationContext.From(turn).TenantId;
        var rosterId = activity.Teams.TeamId ?? turn.Reference.ConversationId;
        var key = tenant + "|" + rosterId + "|" + userId;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached)
            && now - cached.At < (cached.Origin == MemberOrigin.Unknown ? UnknownCacheDuration : options.Value.MembersCacheDuration))
        {
            return cached.Origin;
        }

        MemberOrigin origin;
        try
        {
            var member = await turn.Connector.GetMemberAsync(rosterId, userId, cancellationToken);
            origin = ParticipantRoles.Classify(member?.UserRole, member?.TenantId, tenant, found: member is not null);
        }
        catch (ConnectorException ex)
        {
            LogLookupFailed(ex.StatusCode is { } status ? (int)status : 0);
            origin = MemberOrigin.Unknown;
        }

        if (_cache.Count >= MaxCachedMembers)
        {
            _cache.Clear();
        }

        _cache[key] = (now, origin);
        return origin;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member look-up failed ({StatusCode}); the person is treated as external for now")]
    private partial void LogLookupFailed(int statusCode);
}
