using System.Globalization;
using System.Text;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using static GbbTeamsBot.Domain.Protocol.ProtocolFormat;

namespace GbbTeamsBot.Domain.Protocol;

/// <summary>Renders a protocol as Markdown, in German or English. User texts are escaped.</summary>
public static class MarkdownProtocolRenderer
{
    public static string Render(ProtocolDocument document, Language language = Language.German)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder();
        string T(string de, string en) => language == Language.English ? en : de;
        string L(Bilingual text) => Md(text.In(language));

        md.Append("# ").Append(T("Protokoll", "Protocol")).Append(": ").AppendLine(L(document.MethodName)).AppendLine();
        if (document.CaseReference is not null)
        {
            md.Append("**").Append(T("Fall", "Case")).Append(":** ").Append(Md(document.CaseReference)).Append("  \n");
        }

        md.Append("**").Append(T("Datum", "Date")).Append(":** ").Append(Date(document.Date, language)).Append("  \n");
        md.Append("**").Append(T("Version", "Version")).Append(":** ").Append(document.Version.ToString(CultureInfo.InvariantCulture));
        if (document.IsConfirmed)
        {
            md.Append(" – ").Append(T("bestätigt", "confirmed"));
            if (document.ConfirmedByRole is { } role)
            {
                md.Append(T(" von: ", " by: ")).Append(L(Labels.For(role)));
            }

            md.Append(", ").Append(Date(document.ConfirmedAt, language));
        }
        else
        {
            md.Append(" – ").Append(T("Entwurf", "draft"));
        }

        md.AppendLine().AppendLine();
        if (document.CorrectionReason is not null)
        {
            md.Append("**").Append(T("Korrektur", "Correction")).Append(":** ").AppendLine(Md(document.CorrectionReason)).AppendLine();
        }

        Section(md, T("Teilnehmende", "Participants"));
        foreach (var group in document.Participants.GroupBy(p => p.Role))
        {
            var labels = group.Select(p => p.Label).Where(l => !string.IsNullOrWhiteSpace(l)).Select(Md).ToList();
            md.Append("- ").Append(L(Labels.For(group.Key)));
            md.Append(labels.Count > 0
                ? ": " + string.Join(", ", labels)
                : group.Count() > 1 ? " (" + group.Count().ToString(CultureInfo.InvariantCulture) + ")" : string.Empty);
            md.AppendLine();
        }

        ParticipationSection.Render(md, document, language);
        md.AppendLine();
        if (document.FocusQuestion is not null)
        {
            Section(md, T("Fragestellung", "Focus question"));
            md.Append("> ").AppendLine(Md(document.FocusQuestion)).AppendLine();
        }

        if (document.ProjectBrief is { } brief)
        {
            Section(md, T("Vorhaben", "Project"));
            md.Append("- ").Append(T("Vorhaben", "Project")).Append(": ").AppendLine(Md(brief.Project));
            md.Append("- ").Append(T("Beobachteter Bedarf", "Observed need")).Append(": ").AppendLine(Md(brief.ObservedNeed));
            md.Append("- ").Append(T("Ziel", "Goal")).Append(": ").AppendLine(Md(brief.Goal));
            md.Append("- ").Append(T("Beteiligte und Partner", "People and partners")).Append(": ").AppendLine(Md(brief.PeopleAndPartners));
            if (brief.ResourcesAtHand is not null)
            {
                md.Append("- ").Append(T("Vorhandene Ressourcen", "Resources at hand")).Append(": ").AppendLine(Md(brief.ResourcesAtHand));
            }

            md.AppendLine();
        }

        List(md, T("Verständnisfragen", "Clarifying questions"), document.ClarifyingQuestions);

        if (document.Ampeltorte.Count > 0)
        {
            Section(md, "Ampeltorte");
            md.Append("| ").Append(T("Lebensbereich", "Life domain")).Append(" | ").Append(T("Ampel", "Light")).Append(" | ").Append(T("Notiz", "Note")).AppendLine(" |");
            md.AppendLine("|---|---|---|");
            foreach (var entry in document.Ampeltorte)
            {
                md.Append("| ").Append(L(Labels.For(entry.Domain))).Append(" | ").Append(L(Labels.For(entry.Light)))
                    .Append(" | ").Append(Md(entry.Note)).AppendLine(" |");
            }

            md.AppendLine();
        }

        if (document.Resources.Count > 0)
        {
            Section(md, T("Ressourcen (Ressourcenkarte)", "Resources (Ressourcenkarte)"));
            foreach (var area in document.Resources.GroupBy(r => r.Area))
            {
                md.Append("### ").AppendLine(L(Labels.For(area.Key)));
                foreach (var resource in area)
                {
                    md.Append("- ").AppendLine(Md(resource.Text));
                }

                md.AppendLine();
            }
        }

        if (document.Ideas.Count > 0)
        {
            Section(md, T("Ideen für nächste Schritte", "Ideas for next steps"));
            foreach (var level in document.Ideas.GroupBy(i => i.Level))
            {
                md.Append("### ").AppendLine(L(Labels.For(level.Key)));
                foreach (var idea in level)
                {
                    md.Append(idea.Chosen ? "- [x] " : "- [ ] ").Append(Md(idea.Text));
                    if (idea.Chosen)
                    {
                        md.Append(" **(").Append(T("ausgewählt", "chosen")).Append(")**");
                    }

                    md.AppendLine();
                }

                md.AppendLine();
            }
        }

        if (document.HelperSystems.Count > 0)
        {
            Section(md, T("Helfersysteme", "Helper systems"));
            md.Append("| ").Append(T("Stelle", "Agency")).Append(" | ").Append(T("Auftrag", "Mandate")).Append(" | ")
                .Append(T("Aktuelle Tätigkeiten", "Current activities")).AppendLine(" |");
            md.AppendLine("|---|---|---|");
            foreach (var system in document.HelperSystems)
            {
                md.Append("| ").Append(Md(system.Agency)).Append(" | ").Append(Md(system.Mandate)).Append(" | ").Append(Md(system.CurrentActivities)).AppendLine(" |");
            }

            md.AppendLine();
        }

        if (document.NeighbourhoodEntries.Count > 0)
        {
            Section(md, "Sozialraum-Runde");
            foreach (var category in document.NeighbourhoodEntries.GroupBy(e => e.Category))
            {
                md.Append("### ").AppendLine(L(Labels.For(category.Key)));
                foreach (var entry in category)
                {
                    md.Append("- ").Append(Md(entry.Text));
                    if (entry.Place is not null)
                    {
                        md.Append(" (").Append(T("Ort", "Place")).Append(": ").Append(Md(entry.Place)).Append(')');
                    }

                    md.AppendLine();
                }

                md.AppendLine();
            }
        }

        List(md, T("Beiträge", "Statements"), document.Statements);
        Agreements(md, T("Frühere Vereinbarungen (Rückblick)", "Earlier agreements (review)"), document.EarlierAgreements, language);
        Agreements(md, T("Vereinbarungen", "Agreements"), document.Agreements, language);

        Section(md, T("Zeit: geplant und tatsächlich", "Time: planned and actual"));
        md.Append("| ").Append(T("Phase", "Phase")).Append(" | ").Append(T("geplant", "planned")).Append(" | ").Append(T("tatsächlich", "actual")).AppendLine(" |");
        md.AppendLine("|---|---:|---:|");
        foreach (var row in document.Timing)
        {
            md.Append("| ").Append(L(row.PhaseName)).Append(" | ").Append(Duration(row.Planned)).Append(" | ")
                .Append(row.Skipped ? T("ausgelassen", "skipped") : Duration(row.Actual)).AppendLine(" |");
        }

        md.Append("| **").Append(T("Gesamt", "Total")).Append("** | ").Append(Duration(document.PlannedTotal)).Append(" | ")
            .Append(Duration(document.ActualTotal)).AppendLine(" |");
        if (document.EndedEarly)
        {
            md.AppendLine().AppendLine(T("Die Sitzung wurde vorzeitig beendet.", "The session was finished early."));
        }

        md.AppendLine();
        Text(md, T("Zusammenfassung", "Summary"), document.Summary);
        Text(md, T("Handlungsbedarfe und Hemmnisse", "Needs and obstacles"), document.NeedsAndObstacles);
        Text(md, T("Notizen der Protokollführung", "Protocol keeper's notes"), document.Notes);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void Section(StringBuilder md, string title) => md.Append("## ").AppendLine(title).AppendLine();

    private static void List(StringBuilder md, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        Section(md, title);
        foreach (var item in items)
        {
            md.Append("- ").AppendLine(Md(item));
        }

        md.AppendLine();
    }

    private static void Text(StringBuilder md, string title, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        Section(md, title);
        md.AppendLine(Md(text)).AppendLine();
    }

    private static void Agreements(StringBuilder md, string title, IReadOnlyList<ProtocolAgreement> agreements, Language language)
    {
        if (agreements.Count == 0)
        {
            return;
        }

        string T(string de, string en) => language == Language.English ? en : de;
        Section(md, title);
        md.Append("| ").Append(T("Was", "What")).Append(" | ").Append(T("Wer", "Who")).Append(" | ").Append(T("Bis", "By")).Append(" | ")
            .Append(T("Zielebene", "Goal level")).Append(" | ").Append(T("Status", "Status")).Append(" | ").Append(T("Hinweise", "Hints")).AppendLine(" |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var a in agreements)
        {
            var who = a.Owner is { } owner ? Md(Labels.For(owner).In(language)) : "–";
            if (a.OwnerDetail is not null)
            {
                who += " (" + Md(a.OwnerDetail) + ")";
            }

            md.Append("| ").Append(Md(a.What)).Append(" | ").Append(who).Append(" | ").Append(Date(a.DueBy, language)).Append(" | ")
                .Append(a.GoalLevel is { } goal ? Md(Labels.For(goal).In(language)) : "–").Append(" | ")
                .Append(Md(Labels.For(a.Status).In(language))).Append(" | ")
                .Append(string.Join(" ", a.Hints.Select(h => Md(Labels.For(h).In(language))))).AppendLine(" |");
        }

        md.AppendLine();
    }
}
