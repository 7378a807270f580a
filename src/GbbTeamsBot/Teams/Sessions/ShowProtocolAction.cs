using GbbTeamsBot.Cards;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Participation;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>The protocol of a session, in the conversation where it ran or for its participants.</summary>
public sealed class ShowProtocolAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ProtocolShow;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        await Sessions.GetAsync(request.Address, cancellationToken) is { } session && !RecordVisibility.MayShow(session, request.Who)
            ? SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Participation_RecordElsewhere"], isError: true)
            : await ShowAsync(request, CardViews.Protocol, cancellationToken);
}
