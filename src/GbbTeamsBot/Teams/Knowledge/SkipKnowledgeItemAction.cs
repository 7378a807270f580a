using GbbTeamsBot.Cards;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>
/// "Nicht übernehmen" / "Doch übernehmen" on the confirm card's proposal: only who may still confirm the protocol, only
/// for an item of this round; stored before the card shows it. Confirming then leaves the skipped items out.
/// </summary>
public sealed class SkipKnowledgeItemAction(SessionActionServices services, KnowledgeScreens knowledge) : SessionActionRoute(services)
{
    public override string Verb => KnowledgeVerbs.Skip;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        if (await Sessions.GetAsync(request.Address, cancellationToken) is not { } session)
        {
            return NotFound(request);
        }

        var context = SessionScreens.For(session, request.Context);
        var protocol = SessionViewMapper.Protocol(session, request.Actor, context.Language, context.Now);
        var itemKey = request.Data.Text(KnowledgeDataKeys.ItemKey);
        var skip = request.Data.Bool(KnowledgeDataKeys.Skip);
        if (!protocol.OffersKnowledgeProposal || !KnowledgeScreens.MayUse(request.Turn))
        {
            // Confirmed already, not a round, or not this viewer's to confirm: the protocol as it is, and nothing changed.
            return SessionScreens.Render(session, CardViews.Protocol, request.Actor, request.Context, new Cards.ViewModels.MessageView(Cards.ViewModels.MessageCode.NotAllowedForRole));
        }

        if (itemKey is null || skip is not { } value || KnowledgeScreens.RoundItems(session).All(i => Application.Knowledge.KnowledgeService.ItemKey(i) != itemKey))
        {
            return InvalidInput(request);
        }

        await knowledge.Knowledge.SetSkippedAsync(KnowledgeScreens.Scope(request.Who), session.Address.SessionId, itemKey, value, cancellationToken);
        return await ShowViewAction.ProposalCardAsync(knowledge, session, request, cancellationToken);
    }
}
