using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>Teams' refresh of a card (automatic or by hand): the viewer's current view of the session.</summary>
public sealed class RefreshCardAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.Refresh;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ShowAsync(request, request.Data.View, cancellationToken);
}
