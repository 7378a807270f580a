using GbbTeamsBot.Application;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Cases;

/// <summary>
/// "fall Ahorn-07" / "case Ahorn-07": the case over time in this team (sessions with their Ampeltorte, the current
/// Ressourcenkarte and what changed, agreements with status and goal level, links to protocol and record). The team is
/// the conversation's own, like "protokolle" and "vereinbarungen": other teams' cases are never found.
/// </summary>
public sealed class CaseHistoryCommand(CaseHistoryQuery query, TimeProvider time) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } = ["fall", "case", "fallverlauf"];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var context = who.Cards(time.GetUtcNow());
        AdaptiveCard card;
        if (string.IsNullOrWhiteSpace(arguments))
        {
            card = SessionScreens.Message(TeamsTexts.For(who.Language)["CaseHistory_Usage"], isError: false);
        }
        else
        {
            var (history, rejection) = await query.GetAsync(who.TenantId, who.TeamKey, arguments, cancellationToken);
            card = history is null
                ? SessionScreens.Message(rejection!.Message.In(SessionViewMapper.Lang(who.Language)), isError: true)
                : CaseHistoryCard.Build(View(history), context);
        }

        await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
    }

    public static CaseHistoryView View(CaseHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var sessions = history.Sessions.Select(s => new CaseSessionView(
            new SessionRef(s.Address.SessionId, s.Version),
            CardVocabulary.Method(s.Method.Id),
            s.State.StartedAt ?? s.State.CreatedAt,
            SessionViewMapper.Contributions(s).Where(c => c.Kind == Cards.ViewModels.ContributionKind.Ampeltorte).ToList())
        {
            IsCompleted = s.Status == Domain.Sessions.SessionStatus.Completed,
            ProtocolVersion = s.State.ProtocolVersions.Count == 0 ? 0 : s.State.ProtocolVersions[^1].Version,
        }).ToList();

        // The current Ressourcenkarte is the latest session's that has one; "neu" is what the one before did not have.
        var withResources = history.Sessions
            .Select(s => SessionViewMapper.Contributions(s).Where(c => c.Kind == Cards.ViewModels.ContributionKind.Resource).ToList())
            .Where(r => r.Count > 0)
            .ToList();
        var current = withResources.Count > 0 ? withResources[^1] : [];
        var before = withResources.Count > 1 ? withResources[^2].Select(r => Key(r)).ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        return new CaseHistoryView(history.CaseReference, sessions, SessionViewMapper.Agreements(history.Agreements))
        {
            CurrentResources = current,
            NewResourceIds = before is null ? new HashSet<string>() : current.Where(r => !before.Contains(Key(r))).Select(r => r.ContributionId).ToHashSet(),
        };
    }

    private static string Key(ContributionView resource) => resource.Area + "|" + resource.Text.Trim();
}
