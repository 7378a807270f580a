using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>
/// Helferkonferenz and Partizipative KB: no consent, no session. The consent is recorded as a record (who gave it by
/// role, which agencies, for what, valid until, whether the person takes part); with it the moderator's
/// confirmation also starts the session.
/// </summary>
public sealed class ConfirmConsentAction(SessionActionServices services) : SessionActionRoute(services)
{
    /// <summary>"Gültig bis" the card offers: about the length of a help planning (six months).</summary>
    public const int DefaultValidityDays = 180;

    /// <summary>The latest "gültig bis" the card allows (the domain allows at most a year).</summary>
    public const int MaxValidityDays = 365;

    /// <summary>How long a recorded consent is valid when the card sends no date.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(DefaultValidityDays);

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
        var validUntil = request.Data.Date(CardDataKeys.ConsentValidUntil, out var invalidDate) is { } date
            ? new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero)
            : now + Validity;
        if (invalidDate)
        {
            return InvalidInput(request);
        }

        var agencies = request.Data.List(CardDataKeys.ConsentAgencies)
            .Concat((request.Data.Text(CardDataKeys.ConsentOtherAgencies) ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var draft = new ConsentDraft(now.AddSeconds(-1), validUntil, agencies, request.Data.Bool(CardDataKeys.Release) == true)
        {
            GivenBy = request.Data.Enum<ConsentGiverKind>(CardDataKeys.ConsentGivenBy) == ConsentGiverKind.GesetzlicheVertretung ? ConsentGiver.LegalRepresentative : ConsentGiver.Person,
            Purpose = request.Data.Text(CardDataKeys.ConsentPurpose),
            PersonTakesPart = request.Data.Bool(CardDataKeys.ConsentPersonTakesPart) == true,
        };
        var outcome = await Sessions.ExecuteAsync(request.Address, new RecordConsent(request.Actor, draft), request.Data.ExpectedVersion, request.RequestKey(), cancellationToken);
        if (outcome.IsAccepted && !outcome.IsDuplicate && outcome.Session is { Status: SessionStatus.Prepared } prepared
            && prepared.State.Participants.Any(p => p.Id == request.Actor && p.Role == ParticipantRole.Moderator))
        {
            outcome = await Sessions.ExecuteAsync(request.Address, new StartSession(request.Actor), outcome.Version, request.RequestKey("start"), cancellationToken);
        }

        return Answer(request, outcome, null);
    }
}
