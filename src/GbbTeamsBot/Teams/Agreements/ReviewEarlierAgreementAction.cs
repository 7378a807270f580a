using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>
/// "Stand eintragen" on the live card: an earlier agreement of the case is set erledigt, teilweise, nicht erledigt
/// (with a reason), entfällt or übernehmen (carried into this session's agreements). The domain decides who may.
/// </summary>
public sealed class ReviewEarlierAgreementAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.AgreementReview;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var data = request.Data;
        if (data.String(CardDataKeys.AgreementId) is not { Length: > 0 and <= MarkAgreementDoneAction.MaxAgreementIdLength } agreementId
            || data.Enum<AgreementProgress>(CardDataKeys.Status) is not { } progress)
        {
            return Task.FromResult(InvalidInput(request));
        }

        var command = new ReviewEarlierAgreement(request.Actor, agreementId, SessionViewMapper.Status(progress), data.Text(Cards.Screens.EarlierAgreementsPart.ReasonInputId(agreementId)) ?? data.Text(CardDataKeys.Reason), data.ConfirmedDespiteWarnings);
        return ExecuteAsync(request, command, expectedVersion: null, CardViews.Live, cancellationToken);
    }
}
