using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// Whom the next meeting may invite. Colleagues (the organiser's own e-mail domain) always; anyone else only to a
/// Helferkonferenz (a method that needs consent) and only while the person's consent, naming the agencies, is still
/// valid at the meeting's start. When the organiser's domain is not known every address counts as external.
/// </summary>
public static class NextMeetingRules
{
    public static Rejection? CheckInvitees(IReadOnlyList<string> invitees, string? organizerAddress, bool methodRequiresConsent, ConsentRecord? consent, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(invitees);
        var own = DomainOf(organizerAddress);
        var external = invitees.Where(i => own is null || !string.Equals(DomainOf(i), own, StringComparison.OrdinalIgnoreCase)).ToList();
        if (external.Count == 0)
        {
            return null;
        }

        var shown = string.Join(", ", external.Take(3));
        if (!methodRequiresConsent)
        {
            return Rejections.InvalidSetting(new(
                $"Außerhalb des Jobcenters ({shown}) kann nur zu einer Helferkonferenz eingeladen werden. Es wurde nichts angelegt.",
                $"People outside the job centre ({shown}) can be invited to a Helferkonferenz only. Nothing was created."));
        }

        if (consent is null || consent.Agencies.Count == 0 || !consent.IsValidAt(start))
        {
            return new Rejection(RejectionCode.ConsentMissing, new(
                $"Externe Eingeladene ({shown}) nur mit einer Einwilligung, die die Stellen nennt und zum Termin noch gilt. Bitte die Einwilligung erneuern oder nur Kolleginnen und Kollegen einladen. Es wurde nichts angelegt.",
                $"External invitees ({shown}) only with a consent that names the agencies and is still valid at the meeting. Please renew the consent or invite colleagues only. Nothing was created."));
        }

        return null;
    }

    private static string? DomainOf(string? address) =>
        address is not null && address.LastIndexOf('@') is var at and > 0 && at < address.Length - 1 ? address[(at + 1)..].Trim() : null;
}
