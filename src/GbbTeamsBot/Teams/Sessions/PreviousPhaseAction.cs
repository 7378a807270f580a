using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Zurück": back to the previous phase (moderator only, the card's version must be current).</summary>
public sealed class PreviousPhaseAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionBack;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new ReturnToPreviousPhase(request.Actor), request.Data.ExpectedVersion, null, cancellationToken);
}
