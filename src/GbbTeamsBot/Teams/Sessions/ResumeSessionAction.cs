using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Fortsetzen": the clock runs again.</summary>
public sealed class ResumeSessionAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionResume;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new ResumeSession(request.Actor), request.Data.ExpectedVersion, null, cancellationToken);
}
