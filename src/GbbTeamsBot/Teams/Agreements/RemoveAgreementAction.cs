using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>"Entfernen" in the agreements editor: the agreement is taken back (kept as dropped, out of every list).</summary>
public sealed class RemoveAgreementAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.AgreementRemove;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        request.Data.String(CardDataKeys.AgreementId) is { Length: > 0 and <= MarkAgreementDoneAction.MaxAgreementIdLength } agreementId
            ? ExecuteAsync(request, new RemoveAgreement(request.Actor, agreementId), expectedVersion: null, CardViews.Agreements, cancellationToken)
            : Task.FromResult(InvalidInput(request));
}
