using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using ResponsibleParty = GbbTeamsBot.Cards.ViewModels.ResponsibleParty;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Wer macht was bis wann": records an agreed next step (an addition, so not tied to the card's version).</summary>
public sealed class AddAgreementAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.AgreementAdd;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var data = request.Data;
        var due = data.Date(CardDataKeys.Due, out var invalidDate);
        if (invalidDate)
        {
            return Task.FromResult(InvalidInput(request));
        }

        var party = data.Enum<ResponsibleParty>(CardDataKeys.Party);
        var goalLevel = data.Enum<GoalLevel>(CardDataKeys.GoalLevel);
        var ownerId = data.String(CardDataKeys.OwnerId) is { Length: > 0 and <= 128 } id ? id : null;
        var draft = new AgreementDraft(data.Text(CardDataKeys.What) ?? string.Empty, party is { } p ? CardVocabulary.Owner(p) : null, data.Text(CardDataKeys.Who), due, goalLevel, ownerId);
        return ExecuteAsync(request, new RecordAgreement(request.Actor, draft, data.ConfirmedDespiteWarnings, OwnerCoordinates: data.Bool(CardDataKeys.Coordinator) == true), expectedVersion: null, CardViews.Agreements, cancellationToken);
    }
}
