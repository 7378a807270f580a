using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Teams.Knowledge;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>A tab of the live card (Ressourcenkarte, Ampeltorte, Ideen, Vereinbarungen, ...), or the live card with "Aus dem Sozialraumwissen".</summary>
public sealed class ShowViewAction(SessionActionServices services, KnowledgeScreens knowledge) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ViewShow;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        if (request.Data.View is not (KnowledgeViews.Suggestions or KnowledgeViews.Proposal))
        {
            return await ShowAsync(request, request.Data.View, cancellationToken);
        }

        if (await Sessions.GetAsync(request.Address, cancellationToken) is not { } session)
        {
            return NotFound(request);
        }

        if (request.Data.View == KnowledgeViews.Proposal)
        {
            return await ProposalCardAsync(knowledge, session, request, cancellationToken);
        }

        var context = SessionScreens.For(session, request.Context);
        var live = SessionViewMapper.Live(session, request.Actor, context.Language, context.Now);
        if (!live.OffersKnowledge || live.Viewer.MayAdd != Cards.ViewModels.ContributionKind.Resource || !KnowledgeScreens.MayUse(request.Turn))
        {
            // Not (or no longer) the Ressourcensammlung, or not this viewer's input: the current view as it is.
            return SessionScreens.Render(session, null, request.Actor, request.Context);
        }

        var suggestions = await knowledge.SuggestionsAsync(request.Who, session, cancellationToken);
        return LiveSessionCard.Build(live with { KnowledgeSuggestions = suggestions }, context);
    }

    /// <summary>The protocol card with what confirming adds to the Sozialraumwissen (for who may still confirm it).</summary>
    internal static async Task<AdaptiveCard> ProposalCardAsync(KnowledgeScreens knowledge, Application.SessionView session, SessionActionRequest request, CancellationToken cancellationToken, Cards.ViewModels.KnowledgeNotice? notice = null)
    {
        var context = SessionScreens.For(session, request.Context);
        var protocol = SessionViewMapper.Protocol(session, request.Actor, context.Language, context.Now);
        if (!protocol.OffersKnowledgeProposal || !KnowledgeScreens.MayUse(request.Turn))
        {
            return SessionScreens.Render(session, Cards.CardViews.Protocol, request.Actor, request.Context);
        }

        var proposal = await knowledge.ProposalAsync(request.Who, session, cancellationToken);
        return ProtocolCard.Build(protocol with { KnowledgeProposal = proposal }, context);
    }
}
