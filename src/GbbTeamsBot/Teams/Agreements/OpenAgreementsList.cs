using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Teams.Mapping;
using OpenAgreementView = GbbTeamsBot.Cards.ViewModels.OpenAgreementView;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>The team's open agreements as a card, a page at a time: for the "vereinbarungen" command, its page buttons and after one is ticked off.</summary>
public sealed class OpenAgreementsList(TeamQueries queries, SessionService sessions, TimeProvider time)
{
    public async Task<AdaptiveCard> BuildAsync(TurnContext turn, ConversationContext who, CancellationToken cancellationToken, OpenAgreementView? justDone = null, int page = 0)
    {
        ArgumentNullException.ThrowIfNull(who);
        var open = await queries.ListOpenAgreementsAsync(who.TenantId, who.TeamKey, cancellationToken);

        // The card's order; only the agreements on the requested page need their session's method (a session read each).
        var ordered = open
            .OrderBy(i => i.Agreement.DueBy ?? DateOnly.MaxValue)
            .ThenBy(i => i.Agreement.CaseReference ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        var onPage = ordered.Skip(Math.Max(0, page) * OpenAgreementsCard.PageSize).Take(OpenAgreementsCard.PageSize).ToHashSet();
        var items = new List<OpenAgreementView>();
        var methods = new Dictionary<string, MethodKind>(StringComparer.Ordinal);
        foreach (var item in ordered)
        {
            var sessionId = item.Agreement.SourceSessionId;
            if (!onPage.Contains(item))
            {
                items.Add(new OpenAgreementView(new SessionRef(sessionId, 0), MethodKind.KollegialeBeratung, item.Agreement.CaseReference ?? string.Empty, SessionViewMapper.Agreement(item.Agreement)));
                continue;
            }

            if (!methods.TryGetValue(sessionId, out var method))
            {
                var session = await sessions.GetAsync(new SessionAddress(who.TenantId, who.TeamKey, sessionId), cancellationToken);
                method = session is null ? MethodKind.KollegialeBeratung : CardVocabulary.Method(session.Method.Id);
                methods[sessionId] = method;
            }

            items.Add(new OpenAgreementView(new SessionRef(sessionId, 0), method, item.Agreement.CaseReference ?? string.Empty, SessionViewMapper.Agreement(item.Agreement)));
        }

        return OpenAgreementsCard.Build(new OpenAgreementsView(AgreementsCommand.TeamName(turn), items) { JustDone = justDone, Page = page }, who.Cards(time.GetUtcNow()));
    }
}
