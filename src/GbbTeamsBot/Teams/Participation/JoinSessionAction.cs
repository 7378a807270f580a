using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Participation;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Participation;

/// <summary>
/// "Teilnehmen": anyone in the conversation joins with one click. Teams' roster says who they are: colleagues join
/// as the method's member role (Beratende), guests and people Teams cannot place as its external role; someone from
/// another tenant is refused and nothing is stored.
/// </summary>
public sealed class JoinSessionAction(SessionActionServices services, MemberStandings standings) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionJoin;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var origin = await standings.OfActorAsync(request.Turn, cancellationToken);
        if (origin == MemberOrigin.OtherTenant)
        {
            var refused = ParticipationRejections.OtherTenant();
            return await Sessions.GetAsync(request.Address, cancellationToken) is { } session
                ? SessionScreens.Refusal(refused.Message, refused, session.Address.SessionId, session.Version, null, request.Context)
                : NotFound(request);
        }

        // Joining does not conflict with other changes, so it is not tied to the card's version; the request id still
        // catches double clicks.
        var command = new JoinSession(request.Actor, request.Who.UserName, ParticipantRoles.IsExternal(origin));
        return await ExecuteAsync(request, command, expectedVersion: null, view: null, cancellationToken);
    }
}

/// <summary>"Verlassen": the participant leaves; their entries stay. The moderator hands over first.</summary>
public sealed class LeaveSessionAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionLeave;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new LeaveSession(request.Actor), request.Data.ExpectedVersion, null, cancellationToken);
}

/// <summary>"Übergeben": a role goes to another participant; the domain decides whether it is a swap or an assignment and who may.</summary>
public sealed class HandOverRoleAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.RoleHandOver;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var to = request.Data.Text(CardDataKeys.HandOverTo);
        var role = request.Data.Enum<Cards.ViewModels.RoleKind>(CardDataKeys.HandOverRole) is { } kind ? ParticipationScreens.RoleOf(kind) : null;
        return to is null || role is null
            ? Task.FromResult(InvalidInput(request))
            : ExecuteAsync(request, new PassRole(request.Actor, to, role.Value), request.Data.ExpectedVersion, null, cancellationToken);
    }
}

/// <summary>The person withdrew their consent: recorded, the session is paused and blocked, the agencies lose sight of the case.</summary>
public sealed class WithdrawConsentAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ConsentWithdraw;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, new WithdrawConsent(request.Actor), request.Data.ExpectedVersion, CardViews.Consent, cancellationToken);
}
