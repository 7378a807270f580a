using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Weiter": starts a prepared session, otherwise moves to the next phase. The Sozialraum-Runde's one
/// "Runde beenden" button runs through its remaining phases to the regular end.</summary>
public sealed class NextPhaseAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionNext;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var current = await Sessions.GetAsync(request.Address, cancellationToken);
        if (current is null)
        {
            return NotFound(request);
        }

        SessionCommand command = current.Status == SessionStatus.Prepared ? new StartSession(request.Actor) : new AdvancePhase(request.Actor);
        var outcome = await Sessions.ExecuteAsync(request.Address, command, request.Data.ExpectedVersion, request.RequestKey(), cancellationToken);
        for (var step = 1; outcome is { IsAccepted: true, IsDuplicate: false, Session: { } round }
            && round.Method.RunsThroughOnNext && round.Status == SessionStatus.Running && step < round.Method.Phases.Count; step++)
        {
            outcome = await Sessions.ExecuteAsync(request.Address, new AdvancePhase(request.Actor), outcome.Version, request.RequestKey(step.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        }

        return Answer(request, outcome, null);
    }
}
