using System.Collections.Concurrent;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Cards.ViewModels;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Teams;

/// <summary>
/// The people who can get a role at the setup: the team's roster for channels, the chat's members otherwise (paged
/// members API, all pages, at most <see cref="MaxMembers"/>), without guests and other tenants' members, cached
/// briefly per conversation.
/// </summary>
public sealed partial class ConversationMembers(IOptions<TeamsOptions> options, TimeProvider time, ILogger<ConversationMembers> logger)
{
    public const int MaxMembers = 500;

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<MemberView> Members)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<MemberView>> GetAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var self = new MemberView(activity.From?.Id ?? string.Empty, activity.From?.Name ?? "?");
        if (string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            return [self];
        }

        var rosterId = activity.Teams.TeamId ?? turn.Reference.ConversationId;
        var tenant = ConversationContext.From(turn).TenantId;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(rosterId, out var cached) && now - cached.At < options.Value.MembersCacheDuration)
        {
            return cached.Members;
        }

        var members = new List<MemberView>();
        try
        {
            string? continuation = null;
            do
            {
                var page = await turn.Connector.GetPagedMembersAsync(rosterId, 100, continuation, cancellationToken);
                // Guests and people of other tenants are not offered for the setup's (staff) roles; they join
                // later with "Teilnehmen" and get the method's external role.
                members.AddRange((page?.Members ?? [])
                    .Where(m => !string.IsNullOrEmpty(m.Id))
                    .Where(m => !Domain.Participation.ParticipantRoles.IsExternal(Domain.Participation.ParticipantRoles.Classify(m.UserRole, m.TenantId, tenant)))
                    .Select(m => new MemberView(m.Id!, string.IsNullOrWhiteSpace(m.Name) ? m.Id! : m.Name!)));
                continuation = page?.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(continuation) && members.Count < MaxMembers);
        }
        catch (ConnectorException ex)
        {
            LogMembersFailed(ex);
        }

        if (!members.Any(m => m.UserId == self.UserId) && self.UserId.Length > 0)
        {
            members.Insert(0, self);
        }

        var result = members.DistinctBy(m => m.UserId).Take(MaxMembers).ToList();
        _cache[rosterId] = (now, result);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member list could not be read; the setup card offers only the current user")]
    private partial void LogMembersFailed(Exception exception);
}
