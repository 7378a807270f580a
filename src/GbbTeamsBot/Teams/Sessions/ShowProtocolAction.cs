using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>The protocol of a session.</summary>
public sealed class ShowProtocolAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ProtocolShow;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ShowAsync(request, CardViews.Protocol, cancellationToken);
}
