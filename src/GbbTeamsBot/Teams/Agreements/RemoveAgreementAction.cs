using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>Removing an agreement is not offered yet; an older card that still has the button gets this answer.</summary>
public sealed class RemoveAgreementAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.AgreementRemove;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Agreement_RemoveNotAvailable"], isError: true));
}
