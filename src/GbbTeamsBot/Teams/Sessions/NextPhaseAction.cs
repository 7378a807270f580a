using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Weiter": the domain starts a prepared session, moves a running one on, or ends the Sozialraum-Runde's round.</summary>
public sealed class NextPhaseAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionNext;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new NextStep(request.Actor), request.Data.ExpectedVersion, null, cancellationToken);
}
