using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Beenden": on the last phase the regular end, before it an early finish (the domain decides).</summary>
public sealed class FinishSessionAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionFinish;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new FinishSession(request.Actor), request.Data.ExpectedVersion, null, cancellationToken);
}
