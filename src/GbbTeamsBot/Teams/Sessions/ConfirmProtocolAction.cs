using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Protokoll bestätigen".</summary>
public sealed class ConfirmProtocolAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ProtocolConfirm;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new ConfirmProtocol(request.Actor), request.Data.ExpectedVersion, CardViews.Protocol, cancellationToken);
}
