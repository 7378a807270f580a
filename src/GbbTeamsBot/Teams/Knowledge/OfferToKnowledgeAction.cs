using GbbTeamsBot.Application.Knowledge;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using KnowledgeNotice = GbbTeamsBot.Cards.ViewModels.KnowledgeNotice;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Knowledge;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>
/// "Ins Sozialraumwissen" on the Ressourcenkarte: a Sozialraum resource of a consultation becomes (or mentions) a
/// catalogue entry, with the case reference stripped and the privacy check applied; only a participant of the session
/// may offer it. The Ressourcenkarte comes back with the answer.
/// </summary>
public sealed class OfferToKnowledgeAction(SessionActionServices services, KnowledgeScreens knowledge) : SessionActionRoute(services)
{
    public override string Verb => KnowledgeVerbs.Offer;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        if (await Sessions.GetAsync(request.Address, cancellationToken) is not { } session)
        {
            return NotFound(request);
        }

        var state = session.State;
        var context = SessionScreens.For(session, request.Context);
        var contribution = request.Data.Text(KnowledgeDataKeys.ContributionId) is { } id ? state.Contributions.FirstOrDefault(c => c.Id == id) : null;
        KnowledgeNotice notice;
        if (!KnowledgeScreens.MayUse(request.Turn) || state.Participants.All(p => p.Id != request.Actor))
        {
            notice = KnowledgeScreens.Refusal(request.Who, Domain.Common.Rejections.UnknownParticipant());
        }
        else if (contribution is not { Kind: ContributionKind.Resource, ResourceArea: ResourceArea.Neighbourhood, KnowledgeEntryId: null } || !contribution.IsVisible)
        {
            return InvalidInput(request);
        }
        else
        {
            var text = KnowledgeRules.StripCaseReference(contribution.Text, state.CaseReference);
            var item = new KnowledgeItem(KnowledgeService.DraftOf(KnowledgeCategory.Resource, text, place: null, area: null), new KnowledgeMention(session.Address.SessionId, Time.GetUtcNow()));
            var outcome = await knowledge.Knowledge.AddAsync(KnowledgeScreens.Scope(request.Who), item, request.Actor, request.Data.ConfirmedDespiteWarnings, cancellationToken);
            notice = outcome.IsSuccess
                ? new KnowledgeNotice(KnowledgeScreens.Bilingual(request.Who, new($"Ins Sozialraumwissen übernommen: „{item.Draft.Title}“.", $"Added to the neighbourhood knowledge: \"{item.Draft.Title}\".")), IsError: false)
                : KnowledgeScreens.Refusal(request.Who, outcome.Rejection!);
        }

        return ResourceMapCard.Build(SessionViewMapper.ResourceMap(session) with { Notice = notice }, context);
    }
}
