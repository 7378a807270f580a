using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>Helferkonferenz: no consent, no conference. With consent the moderator's confirmation also starts the session.</summary>
public sealed class ConfirmConsentAction(SessionActionServices services) : SessionActionRoute(services)
{
    /// <summary>How long a recorded consent is valid.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(180);

    public override string Verb => CardVerbs.ConsentConfirm;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var session = await Sessions.GetAsync(request.Address, cancellationToken);
        if (session is null)
        {
            return NotFound(request);
        }

        if (request.Data.Bool(CardDataKeys.Consent) != true)
        {
            var missing = Rejections.ConsentMissing();
            return SessionScreens.Refusal(missing.Message, missing, session.Address.SessionId, session.Version, null, request.Context);
        }

        var now = Time.GetUtcNow();
        var draft = new ConsentDraft(now.AddSeconds(-1), now + Validity, [], request.Data.Bool(CardDataKeys.Release) == true);
        var outcome = await Sessions.ExecuteAsync(request.Address, new RecordConsent(request.Actor, draft), request.Data.ExpectedVersion, request.RequestKey(), cancellationToken);
        if (outcome.IsAccepted && !outcome.IsDuplicate && outcome.Session is { Status: SessionStatus.Prepared } prepared
            && prepared.State.Participants.Any(p => p.Id == request.Actor && p.Role == ParticipantRole.Moderator))
        {
            outcome = await Sessions.ExecuteAsync(request.Address, new StartSession(request.Actor), outcome.Version, request.RequestKey("start"), cancellationToken);
        }

        return Answer(request, outcome, null);
    }
}
