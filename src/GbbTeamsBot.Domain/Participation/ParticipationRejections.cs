using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Participation;

/// <summary>The refusals of joining, handing over, leaving and withdrawn consent, in both languages.</summary>
public static class ParticipationRejections
{
    public static Rejection OtherTenant() => new(
        RejectionCode.OtherTenant,
        new(
            "Teilnehmen können Mitglieder dieser Organisation und ihre Gäste. Ihr Konto gehört zu einer anderen Organisation; bitte lassen Sie sich als Gast einladen.",
            "Members of this organisation and its guests can take part. Your account belongs to another organisation; please ask to be invited as a guest."));

    public static Rejection StaffRoleForExternal(Bilingual role) => new(
        RejectionCode.RoleNotPermitted,
        new(
            $"Die Rolle „{role.De}“ ist Kolleginnen und Kollegen dieser Organisation vorbehalten. Gäste und andere Stellen nehmen als Fachkraft einer beteiligten Stelle, Person oder Umfeld teil.",
            $"The role '{role.En}' is for colleagues of this organisation only. Guests and other agencies take part as professional of an agency involved, person or lifeworld."));

    public static Rejection MustHandOverFirst(Bilingual role) => new(
        RejectionCode.InvalidHandOver,
        new(
            $"Die Sitzung braucht die Rolle „{role.De}“. Bitte übergeben Sie sie zuerst an eine andere Kollegin oder einen anderen Kollegen, dann können Sie die Sitzung verlassen.",
            $"The session needs the role '{role.En}'. Please hand it over to another colleague first; then you can leave the session."));

    public static Rejection HandOverNotAllowed(Bilingual role) => new(
        RejectionCode.RoleNotPermitted,
        new(
            $"„{role.De}“ kann nur die Moderation vergeben oder wer die Rolle gerade hat.",
            $"Only the moderator, or whoever holds it now, can give the role '{role.En}'."));

    public static Rejection ConsentWithdrawn() => new(
        RejectionCode.ConsentWithdrawn,
        new(
            "Die Einwilligung wurde widerrufen. Diese Sitzung kann damit nicht (weiter) laufen, und die widerrufene Einwilligung gilt nicht noch einmal. Für eine neue Beratung braucht es eine neue Einwilligung der Person.",
            "The consent was withdrawn. This session cannot start or go on, and the withdrawn consent does not count again. A new consultation needs a new consent from the person."));

    public static Rejection NoConsentToWithdraw() => new(
        RejectionCode.ConsentMissing,
        new("Für diese Sitzung ist keine Einwilligung erfasst, die widerrufen werden könnte.", "No consent is recorded for this session that could be withdrawn."));
}
