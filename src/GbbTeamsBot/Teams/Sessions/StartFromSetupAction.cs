using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>The setup card was submitted: create the session, make the card the shared live card, start it.</summary>
public sealed class StartFromSetupAction(SessionActionServices services, SessionSetupFlow setup) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionStart;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        setup.SubmitAsync(request, cancellationToken);
}
