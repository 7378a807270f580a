using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>The copy-ready record for the case file.</summary>
public sealed class ShowRecordTextAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ProtocolRecordText;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        await Sessions.GetAsync(request.Address, cancellationToken) is { } session
            ? !Participation.RecordVisibility.MayShow(session, request.Who)
                ? SessionScreens.Message(Resources.TeamsTexts.For(request.Who.Language)["Participation_RecordElsewhere"], isError: true)
                : RecordTextCard.Build(SessionViewMapper.Protocol(session, request.Actor, request.Who.Language, request.Context.Now), request.Context)
            : NotFound(request);
}
