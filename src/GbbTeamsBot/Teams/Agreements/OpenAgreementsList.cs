using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Teams.Mapping;
using OpenAgreementView = GbbTeamsBot.Cards.ViewModels.OpenAgreementView;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>The team's open agreements as a card: for the "vereinbarungen" command and after one is ticked off.</summary>
public sealed class OpenAgreementsList(TeamQueries queries, SessionService sessions, TimeProvider time)
{
    public async Task<AdaptiveCard> BuildAsync(TurnContext turn, ConversationContext who, CancellationToken cancellationToken, OpenAgreementView? justDone = null)
    {
        ArgumentNullException.ThrowIfNull(who);
        var open = await queries.ListOpenAgreementsAsync(who.TenantId, who.TeamKey, cancellationToken);
        var items = new List<OpenAgreementView>();
        var methods = new Dictionary<string, MethodKind>(StringComparer.Ordinal);
        foreach (var item in open.Take(OpenAgreementsCard.MaxItems * 2))
        {
            var sessionId = item.Agreement.SourceSessionId;
            if (!methods.TryGetValue(sessionId, out var method))
            {
                var session = await sessions.GetAsync(new SessionAddress(who.TenantId, who.TeamKey, sessionId), cancellationToken);
                method = session is null ? MethodKind.KollegialeBeratung : CardVocabulary.Method(session.Method.Id);
                methods[sessionId] = method;
            }

            items.Add(new OpenAgreementView(new SessionRef(sessionId, 0), method, item.Agreement.CaseReference ?? string.Empty, SessionViewMapper.Agreement(item.Agreement)));
        }

        return OpenAgreementsCard.Build(new OpenAgreementsView(AgreementsCommand.TeamName(turn), items) { JustDone = justDone }, who.Cards(time.GetUtcNow()));
    }
}
