using System.Globalization;
using System.Text;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using static GbbTeamsBot.Domain.Protocol.ProtocolFormat;

namespace GbbTeamsBot.Domain.Protocol;

/// <summary>
/// A copy-ready German record ("Beratungsvermerk") for the official case file, structured after the documentation
/// standard (method guide §5): reflection of earlier agreements, summary, results of goal work, needs/obstacles,
/// solutions and next steps, responsibilities (Kundin/Kunde, Jobcenter, Dritte), partners involved. It contains only
/// what was recorded in the session (facts), participants by role, and never names of the person or lifeworld.
/// </summary>
public static class CaseFileRecordRenderer
{
    private const Language De = Language.German;

    public static string Render(ProtocolDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        text.Append("Beratungsvermerk – ").AppendLine(document.MethodName.De);
        text.Append("Fall-Pseudonym: ").Append(document.CaseReference ?? "–")
            .Append(" | Datum: ").Append(Date(document.Date, De))
            .Append(" | Protokollversion ").Append(document.Version.ToString(CultureInfo.InvariantCulture))
            .AppendLine(document.IsConfirmed ? " (bestätigt)" : " (Entwurf, noch nicht bestätigt)");
        text.Append("Beteiligte (nach Rollen): ").AppendLine(RoleSummary(document));
        text.AppendLine();

        Heading(text, 1, "Reflexion vorangegangener Vereinbarungen");
        if (document.EarlierAgreements.Count == 0)
        {
            text.AppendLine("Keine offenen Vereinbarungen aus früheren Beratungen.");
        }

        foreach (var a in document.EarlierAgreements)
        {
            text.Append("- ").Append(Plain(a.What)).Append(" (").Append(Who(a)).Append("): ").AppendLine(Labels.For(a.Status).De);
        }

        text.AppendLine();
        Heading(text, 2, "Zusammenfassung");
        text.AppendLine(string.IsNullOrWhiteSpace(document.Summary) ? "Keine Zusammenfassung erfasst." : Plain(document.Summary));
        if (document.ProjectBrief is { } brief)
        {
            text.Append("Vorhaben: ").Append(Plain(brief.Project)).Append("; beobachteter Bedarf: ").Append(Plain(brief.ObservedNeed))
                .Append("; Ziel: ").Append(Plain(brief.Goal)).AppendLine(".");
        }

        foreach (var area in document.Resources.GroupBy(r => r.Area))
        {
            text.Append("Ressourcen – ").Append(Labels.For(area.Key).De).Append(": ")
                .AppendLine(string.Join("; ", area.Select(r => Plain(r.Text))));
        }

        foreach (var entry in document.Ampeltorte.Where(e => e.Light == TrafficLight.Green))
        {
            text.Append("Läuft gut (Ampeltorte grün) – ").Append(Labels.For(entry.Domain).De)
                .AppendLine(entry.Note is null ? string.Empty : ": " + Plain(entry.Note));
        }

        text.AppendLine();
        Heading(text, 3, "Ergebnisse der Zielarbeit");
        var wroteGoal = false;
        if (document.FocusQuestion is not null)
        {
            text.Append("Fragestellung: ").AppendLine(Plain(document.FocusQuestion));
            wroteGoal = true;
        }

        foreach (var a in document.Agreements.Where(a => a.GoalLevel is not null).OrderBy(a => a.GoalLevel))
        {
            text.Append(Labels.For(a.GoalLevel!.Value).De).Append(": ").AppendLine(Plain(a.What));
            wroteGoal = true;
        }

        var chosen = document.Ideas.Where(i => i.Chosen).ToList();
        if (chosen.Count > 0)
        {
            text.Append("Von der Person gewählte Ansätze: ").AppendLine(string.Join("; ", chosen.Select(i => Plain(i.Text))));
            wroteGoal = true;
        }

        if (!wroteGoal)
        {
            text.AppendLine("Keine Ergebnisse zur Zielarbeit erfasst.");
        }

        text.AppendLine();
        Heading(text, 4, "Handlungsbedarfe / Hemmnisse");
        var wroteNeeds = false;
        if (!string.IsNullOrWhiteSpace(document.NeedsAndObstacles))
        {
            text.AppendLine(Plain(document.NeedsAndObstacles));
            wroteNeeds = true;
        }

        foreach (var entry in document.Ampeltorte.Where(e => e.Light != TrafficLight.Green).OrderByDescending(e => e.Light))
        {
            text.Append(entry.Light == TrafficLight.Red ? "Schwierig (Ampeltorte rot) – " : "In Klärung (Ampeltorte gelb) – ")
                .Append(Labels.For(entry.Domain).De)
                .AppendLine(entry.Note is null ? string.Empty : ": " + Plain(entry.Note));
            wroteNeeds = true;
        }

        if (!wroteNeeds)
        {
            text.AppendLine("Keine erfasst.");
        }

        text.AppendLine();
        Heading(text, 5, "Lösungsansätze und nächste Schritte");
        if (document.Agreements.Count == 0)
        {
            text.AppendLine("Keine Vereinbarungen getroffen.");
        }

        foreach (var a in document.Agreements)
        {
            text.Append("- ").Append(Plain(a.What)).Append(" – ").Append(Who(a)).Append(" – bis ").AppendLine(Date(a.DueBy, De));
        }

        text.AppendLine();
        Heading(text, 6, "Verantwortlichkeiten");
        var owners = new (AgreementOwner? Owner, string Label)[]
        {
            (AgreementOwner.Person, "Kundin/Kunde"),
            (AgreementOwner.JobCentre, "Jobcenter"),
            (AgreementOwner.ThirdParty, "Dritte"),
            (AgreementOwner.Team, "Team"),
            (null, "Noch offen (ohne Verantwortliche)"),
        };
        var wroteOwner = false;
        foreach (var (owner, label) in owners)
        {
            var items = document.Agreements.Where(a => a.Owner == owner).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            text.Append(label).Append(": ").AppendLine(string.Join("; ", items.Select(a =>
                a.OwnerDetail is null || owner == AgreementOwner.Person ? Plain(a.What) : $"{Plain(a.What)} ({Plain(a.OwnerDetail)})")));
            wroteOwner = true;
        }

        if (document.CoordinatingContact is { Length: > 0 } coordinator)
        {
            text.Append("Koordinierende Ansprechperson: ").AppendLine(Plain(coordinator));
            wroteOwner = true;
        }

        if (!wroteOwner)
        {
            text.AppendLine("Keine.");
        }

        text.AppendLine();
        Heading(text, 7, "Einbezogene Partnerinnen und Partner");
        var partners = document.HelperSystems.Select(h => Plain(h.Agency))
            .Concat(document.Participants.Where(p => p.Role == ParticipantRole.ExternalProfessional && p.Label is not null).Select(p => Plain(p.Label)))
            .Concat(document.Agreements.Where(a => a.Owner == AgreementOwner.ThirdParty && a.OwnerDetail is not null).Select(a => Plain(a.OwnerDetail)))
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        text.AppendLine(partners.Count == 0 ? "Keine." : string.Join("; ", partners));
        foreach (var system in document.HelperSystems)
        {
            text.Append("- ").Append(Plain(system.Agency)).Append(": Auftrag ").Append(Plain(system.Mandate))
                .Append("; aktuell: ").AppendLine(Plain(system.CurrentActivities));
        }

        text.AppendLine();
        text.AppendLine("Quelle: Protokoll der Sitzung im Team (pseudonymisiert). Der Vermerk gibt nur Erfasstes wieder.");
        return text.ToString();
    }

    private static void Heading(StringBuilder text, int number, string title) =>
        text.Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(title);

    private static string Who(ProtocolAgreement a)
    {
        var who = a.Owner switch
        {
            AgreementOwner.Person => "Kundin/Kunde",
            AgreementOwner.JobCentre => "Jobcenter",
            AgreementOwner.ThirdParty => "Dritte",
            AgreementOwner.Team => "Team",
            _ => "Verantwortliche noch offen",
        };
        return a.OwnerDetail is null || a.Owner == AgreementOwner.Person ? who : $"{who}: {Plain(a.OwnerDetail)}";
    }

    private static string RoleSummary(ProtocolDocument document) => string.Join(
        ", ",
        document.Participants.GroupBy(p => p.Role).Select(g =>
        {
            var label = Labels.For(g.Key).De;
            return g.Count() > 1 ? $"{label} ({g.Count().ToString(CultureInfo.InvariantCulture)})" : label;
        }));
}
