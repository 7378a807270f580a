using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Beenden": on the last phase the regular end, before it an early finish.</summary>
public sealed class FinishSessionAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionFinish;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var current = await Sessions.GetAsync(request.Address, cancellationToken);
        if (current is null)
        {
            return NotFound(request);
        }

        SessionCommand command = current.State.CurrentPhaseIndex == current.Method.Phases.Count - 1 ? new AdvancePhase(request.Actor) : new FinishEarly(request.Actor);
        return await ExecuteAsync(request, command, request.Data.ExpectedVersion, null, cancellationToken);
    }
}
