using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using CardKind = GbbTeamsBot.Cards.ViewModels.ContributionKind;
using IdeaLevel = GbbTeamsBot.Cards.ViewModels.IdeaLevel;
using LifeDomain = GbbTeamsBot.Cards.ViewModels.LifeDomain;
using ResourceArea = GbbTeamsBot.Cards.ViewModels.ResourceArea;
using RoundCategory = GbbTeamsBot.Cards.ViewModels.RoundCategory;
using TrafficLight = GbbTeamsBot.Cards.ViewModels.TrafficLight;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>
/// An entry of the current phase (question, resource, idea, Ampeltorte, round entry, agency, project, note) or the
/// focus question. Additions do not conflict with other people's additions, so they are not tied to the card's
/// version; the request id still catches double clicks and the domain checks the phase and role.
/// </summary>
public sealed class AddContributionAction(SessionActionServices services, Knowledge.KnowledgeScreens knowledge) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ContributionAdd;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        // "Übernehmen" from the Sozialraumwissen: marked as from the catalogue only for an entry of this team's catalogue.
        var entryId = request.Data.Text(KnowledgeDataKeys.KnowledgeEntryId) is { Length: <= 64 } id
            && await knowledge.Knowledge.GetAsync(Knowledge.KnowledgeScreens.Scope(request.Who), id, cancellationToken) is { Status: not Domain.Knowledge.KnowledgeStatus.Merged } entry
                ? entry.Id
                : null;
        return CommandFor(request.Actor, request.Data, entryId) is { } command
            ? await ExecuteAsync(request, command, expectedVersion: null, view: null, cancellationToken)
            : InvalidInput(request);
    }

    private static SessionCommand? CommandFor(string actor, CardData data, string? knowledgeEntryId)
    {
        var confirmed = data.ConfirmedDespiteWarnings;
        var text = data.Text(CardDataKeys.Text) ?? string.Empty;
        var kind = data.Enum<CardKind>(CardDataKeys.Kind);
        if (kind == CardKind.FocusQuestion)
        {
            return new SetFocusQuestion(actor, text, confirmed);
        }

        ContributionDraft? draft = kind switch
        {
            CardKind.ClarifyingQuestion => new ClarifyingQuestionDraft(text),
            CardKind.Resource when data.Enum<ResourceArea>(CardDataKeys.Area) is { } area => new ResourceDraft(CardVocabulary.Area(area), text)
            {
                KnowledgeEntryId = knowledgeEntryId,
            },
            CardKind.Idea when data.Enum<IdeaLevel>(CardDataKeys.Level) is { } level => new IdeaDraft(CardVocabulary.Level(level), text),
            CardKind.Ampeltorte when data.Enum<LifeDomain>(CardDataKeys.Domain) is { } domain && data.Enum<TrafficLight>(CardDataKeys.Light) is { } light =>
                new AmpelDraft(CardVocabulary.Domain(domain), CardVocabulary.Light(light), data.Text(CardDataKeys.Text)),
            CardKind.RoundEntry when data.Enum<RoundCategory>(CardDataKeys.Category) is { } category =>
                new NeighbourhoodDraft(CardVocabulary.Category(category), text, data.Text(CardDataKeys.Place)),
            CardKind.HelperSystem => new HelperSystemDraft(data.Text(CardDataKeys.Agency) ?? string.Empty, data.Text(CardDataKeys.Mandate) ?? string.Empty, data.Text(CardDataKeys.Activities) ?? string.Empty),
            // The card asks for the project in one text; the domain's further fields get a dash until the card asks for them.
            CardKind.ProjectInput => new ProjectBriefDraft(text, "–", "–", "–", null),
            CardKind.Note => new StatementDraft(text),
            _ => null,
        };
        return draft is null ? null : new AddContribution(actor, draft, confirmed) { CardPhaseIndex = data.Int(CardDataKeys.Phase) };
    }
}
