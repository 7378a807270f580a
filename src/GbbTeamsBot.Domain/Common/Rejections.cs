using System.Globalization;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Common;

/// <summary>All rejection texts in one place so wording stays consistent in both languages.</summary>
public static class Rejections
{
    public static Rejection LimitReached(Bilingual what, int max) => new(
        RejectionCode.LimitReached,
        new(
            $"Diese Sitzung hat die Höchstzahl von {max.ToString(CultureInfo.InvariantCulture)} {what.De} erreicht. Es wurde nichts geändert. Bitte eine neue Sitzung beginnen, wenn noch mehr nötig ist.",
            $"This session has reached its maximum of {max.ToString(CultureInfo.InvariantCulture)} {what.En}. Nothing was changed. Please start a new session if more is needed."));

    public static Rejection SessionTooLarge() => new(
        RejectionCode.LimitReached,
        new(
            "Diese Sitzung wäre damit zu groß zum Speichern. Es wurde nichts geändert. Bitte kürzer fassen oder eine neue Sitzung beginnen.",
            "This would make the session too large to store. Nothing was changed. Please keep it shorter or start a new session."));

    public static Rejection InvalidInState(Bilingual command, Bilingual state) => new(
        RejectionCode.InvalidInState,
        new($"„{command.De}“ ist im Zustand „{state.De}“ nicht möglich.", $"'{command.En}' is not possible while the session is {state.En}."));

    public static Rejection StaleVersion(int expected, int actual) => new(
        RejectionCode.StaleVersion,
        new(
            $"Die Ansicht ist veraltet (Stand {expected.ToString(CultureInfo.InvariantCulture)}, aktuell {actual.ToString(CultureInfo.InvariantCulture)}). Bitte die aktuelle Karte verwenden.",
            $"This view is out of date (version {expected.ToString(CultureInfo.InvariantCulture)}, now {actual.ToString(CultureInfo.InvariantCulture)}). Please use the current card."));

    public static Rejection UnknownParticipant() => new(
        RejectionCode.UnknownParticipant,
        new("Sie nehmen an dieser Sitzung nicht teil. Bitte zuerst beitreten.", "You are not a participant of this session. Please join first."));

    public static Rejection RoleNotPermitted(Bilingual role, Bilingual activity) => new(
        RejectionCode.RoleNotPermitted,
        new($"In der Rolle „{role.De}“ ist „{activity.De}“ hier nicht vorgesehen.", $"In the role '{role.En}', '{activity.En}' is not allowed here."));

    public static Rejection ActivityNotInPhase(Bilingual activity, Bilingual phase) => new(
        RejectionCode.ActivityNotInPhase,
        new($"„{activity.De}“ gehört nicht in die Phase „{phase.De}“.", $"'{activity.En}' does not belong in the phase '{phase.En}'."));

    public static Rejection NoPreviousPhase() => new(
        RejectionCode.NoPreviousPhase,
        new("Dies ist bereits die erste Phase.", "This is already the first phase."));

    public static Rejection InvalidDuration(Bilingual detail) => new(RejectionCode.InvalidDuration, detail);

    public static Rejection ExceedsTotal() => new(
        RejectionCode.ExceedsTotal,
        new(
            "So viel Zeit ist im Gesamtrahmen nicht mehr übrig. Verlängern Sie die Gesamtzeit, wenn die Gruppe einverstanden ist.",
            "There is not that much time left in the total. Extend the total time if the group agrees."));

    public static Rejection TotalOutOfRange(TimeSpan min, TimeSpan max) => new(
        RejectionCode.TotalOutOfRange,
        new(
            $"Die Gesamtzeit muss zwischen {Minutes(min)} und {Minutes(max)} Minuten liegen.",
            $"The total time must be between {Minutes(min)} and {Minutes(max)} minutes."));

    public static Rejection InvalidPlan(Bilingual detail) => new(RejectionCode.InvalidPlan, detail);

    public static Rejection RolesIncomplete(Bilingual role) => new(
        RejectionCode.RolesIncomplete,
        new($"Zum Start fehlt noch die Rolle „{role.De}“.", $"The role '{role.En}' must be assigned before starting."));

    public static Rejection ConsentMissing() => new(
        RejectionCode.ConsentMissing,
        new(
            "Für diese Methode ist die Einwilligung der Person nötig. Bitte zuerst die Einwilligung erfassen (wer, welche Stellen, Datum, gültig bis).",
            "This method needs the person's consent. Please record the consent first (who, which agencies, date, valid until)."));

    public static Rejection ConsentExpired() => new(
        RejectionCode.ConsentExpired,
        new("Die erfasste Einwilligung ist abgelaufen. Bitte eine aktuelle Einwilligung erfassen.", "The recorded consent has expired. Please record a current consent."));

    public static Rejection ConsentInvalid(Bilingual detail) => new(RejectionCode.ConsentInvalid, detail);

    public static Rejection TextMissing(Bilingual field) => new(
        RejectionCode.TextMissing,
        new($"Bitte „{field.De}“ ausfüllen.", $"Please fill in '{field.En}'."));

    public static Rejection TextTooLong(Bilingual field, int max, int actual) => new(
        RejectionCode.TextTooLong,
        new(
            $"„{field.De}“ ist zu lang: {actual.ToString(CultureInfo.InvariantCulture)} Zeichen, erlaubt sind {max.ToString("N0", CultureInfo.GetCultureInfo("de-DE"))}.",
            $"'{field.En}' is too long: {actual.ToString(CultureInfo.InvariantCulture)} characters, at most {max.ToString("N0", CultureInfo.InvariantCulture)} are allowed."));

    public static Rejection PrivacyWarning(IReadOnlyList<PrivacyFinding> findings) => new(
        RejectionCode.PrivacyWarning,
        new(
            "Der Text enthält möglicherweise personenbezogene Daten oder wertende Formulierungen. Bitte umformulieren oder bewusst bestätigen.",
            "The text may contain personal data or judgemental wording. Please rephrase or confirm deliberately."))
    {
        Findings = findings,
    };

    public static Rejection ContributionNotFound() => new(
        RejectionCode.ContributionNotFound,
        new("Dieser Beitrag wurde nicht gefunden.", "This contribution was not found."));

    public static Rejection NotAuthor() => new(
        RejectionCode.NotAuthor,
        new("Nur wer den Beitrag geschrieben hat, kann ihn ändern oder zurückziehen.", "Only the author can edit or withdraw this contribution."));

    public static Rejection ContributionLocked() => new(
        RejectionCode.ContributionLocked,
        new("Die Phase dieses Beitrags ist beendet; er kann nicht mehr geändert werden.", "The phase of this contribution has ended; it can no longer be changed."));

    public static Rejection NotAnIdea() => new(
        RejectionCode.NotAnIdea,
        new("Auswählen lassen sich nur Ideen.", "Only ideas can be chosen."));

    public static Rejection AgreementNotFound() => new(
        RejectionCode.AgreementNotFound,
        new("Diese Vereinbarung wurde nicht gefunden.", "This agreement was not found."));

    public static Rejection AlreadyJoined() => new(
        RejectionCode.AlreadyJoined,
        new("Sie nehmen bereits teil.", "You are already taking part."));

    public static Rejection ParticipantNotFound() => new(
        RejectionCode.ParticipantNotFound,
        new("Diese Person nimmt an der Sitzung nicht teil.", "This person is not taking part in the session."));

    public static Rejection RoleCapacityExceeded(Bilingual role) => new(
        RejectionCode.RoleCapacityExceeded,
        new($"Die Rolle „{role.De}“ ist bereits vergeben. Bitte übergeben statt doppelt vergeben.", $"The role '{role.En}' is already taken. Hand it over instead."));

    public static Rejection RoleNotHeld() => new(
        RejectionCode.RoleNotHeld,
        new("Übergeben kann nur, wer Moderation, Protokoll oder die Falleinbringung innehat.", "Only the moderator, protocol keeper or case presenter can hand over their role."));

    public static Rejection InvalidHandOver(Bilingual detail) => new(RejectionCode.InvalidHandOver, detail);

    public static Rejection ProtocolAlreadyConfirmed() => new(
        RejectionCode.ProtocolAlreadyConfirmed,
        new(
            "Das Protokoll ist bestätigt und unveränderlich. Änderungen bitte als Korrektur (neue Version) erfassen.",
            "The protocol is confirmed and immutable. Please record changes as a correction (new version)."));

    public static Rejection ProtocolNotConfirmed() => new(
        RejectionCode.ProtocolNotConfirmed,
        new("Das Protokoll ist noch nicht bestätigt; bitte direkt bearbeiten.", "The protocol is not confirmed yet; please edit it directly."));

    public static Rejection InvalidCaseReference(Bilingual detail, IReadOnlyList<PrivacyFinding>? findings = null) =>
        new(RejectionCode.InvalidCaseReference, detail) { Findings = findings ?? [] };

    public static Rejection UnknownMethod(string methodId) => new(
        RejectionCode.UnknownMethod,
        new($"Die Methode „{methodId}“ ist nicht bekannt.", $"The method '{methodId}' is not known."));

    public static Rejection InvalidAgenda(Bilingual detail) => new(RejectionCode.InvalidAgenda, detail);

    public static Rejection InvalidSetup(Bilingual detail) => new(RejectionCode.InvalidSetup, detail);

    internal static string Minutes(TimeSpan span) =>
        ((int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture);

    public static Rejection SettingsNotPermitted() => new(
        RejectionCode.SettingsNotPermitted,
        new("Die Einstellungen des Teams können nur Moderierende ändern (wer hier eine Sitzung moderiert oder moderiert hat).", "Only moderators can change the team's settings (whoever moderates or moderated a session here)."));

    public static Rejection InvalidSetting(Bilingual detail) => new(RejectionCode.InvalidSetting, detail);

    public static Rejection CaseAlreadyRunning(string caseReference) => new(
        RejectionCode.CaseAlreadyRunning,
        new($"Für den Fall {caseReference} läuft in diesem Team schon eine Sitzung. Bitte diese fortsetzen oder zuerst beenden.", $"A session for the case {caseReference} is already running in this team. Please continue it or finish it first."));
}
