using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Pause": stops the clock.</summary>
public sealed class PauseSessionAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionPause;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new PauseSession(request.Actor), request.Data.ExpectedVersion, null, cancellationToken);
}
