using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>A tab of the live card (Ressourcenkarte, Ampeltorte, Ideen, Vereinbarungen, ...).</summary>
public sealed class ShowViewAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ViewShow;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ShowAsync(request, request.Data.View, cancellationToken);
}
