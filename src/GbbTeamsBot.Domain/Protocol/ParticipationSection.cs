using System.Globalization;
using System.Text;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Protocol.ProtocolFormat;

namespace GbbTeamsBot.Domain.Protocol;

/// <summary>
/// The protocol's participation part: who joined, changed role or left, with the time (colleagues by name, others
/// by role), and the consent state the session relied on (agencies, purpose, giver by role, validity, withdrawal).
/// </summary>
internal static class ParticipationSection
{
    public static void Render(StringBuilder md, ProtocolDocument document, Language language)
    {
        string T(string de, string en) => language == Language.English ? en : de;
        var offset = document.Date?.Offset ?? TimeSpan.Zero;
        string Time(DateTimeOffset at) => at.ToOffset(offset).ToString("HH:mm", CultureInfo.InvariantCulture);

        // Joins at the setup are the participant list itself; the part lists what changed after the setup.
        var changes = document.ParticipationChanges.Where(c => document.Date is null || c.At >= document.Date || c.Kind != ParticipationChangeKind.Joined).ToList();
        if (changes.Count > 0)
        {
            md.AppendLine();
            md.Append("**").Append(T("Teilnahme im Verlauf", "Participation over time")).AppendLine(":**").AppendLine();
            foreach (var change in changes)
            {
                var what = change.Kind switch
                {
                    ParticipationChangeKind.Joined => T("beigetreten als", "joined as"),
                    ParticipationChangeKind.RoleChanged => T("übernimmt", "takes over"),
                    _ => T("hat verlassen, zuvor", "left, previously"),
                };
                md.Append("- ").Append(Time(change.At)).Append(' ');
                if (!string.IsNullOrWhiteSpace(change.Label))
                {
                    md.Append(Md(change.Label)).Append(' ');
                }

                md.Append(what).Append(' ').AppendLine(Md(Labels.For(change.Role).In(language)));
            }
        }

        if (document.Consent is not { } consent)
        {
            return;
        }

        md.AppendLine();
        md.Append("**").Append(T("Einwilligung", "Consent")).Append(":** ");
        md.Append(consent.WithdrawnAt is { } withdrawn
            ? T("widerrufen am ", "withdrawn on ") + Date(withdrawn.ToOffset(offset), language)
            : T("gültig bis ", "valid until ") + Date(DateOnly.FromDateTime(consent.ValidUntil.UtcDateTime), language));
        md.Append(" · ").Append(consent.GivenBy == ConsentGiver.LegalRepresentative ? T("gesetzliche Vertretung", "legal representative") : T("die Person selbst", "the person themselves"));
        md.Append(" · ").Append(T("Stellen: ", "Agencies: ")).Append(consent.Agencies.Count == 0 ? "–" : string.Join(", ", consent.Agencies.Select(a => Md(a))));
        if (!string.IsNullOrWhiteSpace(consent.Purpose))
        {
            md.Append(" · ").Append(T("Zweck: ", "Purpose: ")).Append(Md(consent.Purpose));
        }

        md.Append(" · ").Append(consent.PersonTakesPart ? T("die Person nimmt teil", "the person takes part") : T("die Person nimmt nicht teil", "the person does not take part"));
        if (consent.IncludesReleaseFromConfidentiality)
        {
            md.Append(" · ").Append(T("mit Schweigepflichtentbindung", "with release from confidentiality"));
        }

        md.AppendLine();
    }
}
