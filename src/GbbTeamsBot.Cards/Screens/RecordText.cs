using System.Text;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// Composes the copy-ready text for the official case file: facts only, in the order the documentation
/// guidance asks for (earlier agreements, question, resources, chosen steps, agreements, partners).
/// </summary>
public static class RecordText
{
    /// <summary>The record is for the German case file: German whatever language the team's cards use.</summary>
    public static string Compose(ProtocolView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        context = context with { Language = UiLanguage.German };
        var t = context.Texts;
        var text = new StringBuilder();
        text.Append(t.Name(view.Method)).Append(" – ").AppendLine(t.Format("Common_CaseLine", view.CasePseudonym));
        var when = context.FormatDateTime(view.StartedAt);
        if (view.EndedAt is { } ended)
        {
            when += "–" + context.FormatTime(ended);
        }

        text.Append(t["Record_Date"]).Append(": ").AppendLine(when);
        if (view.RoleHolders.Count > 0)
        {
            text.Append(t["Record_Participants"]).Append(": ")
                .AppendLine(string.Join("; ", view.RoleHolders.GroupBy(r => r.Role).OrderBy(g => g.Key)
                    .Select(g => t.Name(g.Key) + ": " + string.Join(", ", g.Select(r => r.DisplayName)))));
        }

        if (view.EarlierAgreements.Count > 0)
        {
            Section(text, t["Record_EarlierAgreements"], view.EarlierAgreements.Select(a =>
                a.What.Trim() + " – " + (a.IsDone ? t["Record_Done"] : t["Record_NotDone"])));
        }

        Section(text, t["Group_FocusQuestion"], Texts(view, ContributionKind.FocusQuestion));
        Section(text, t["Group_ProjectInput"], Texts(view, ContributionKind.ProjectInput));
        Section(text, t["Ampeltorte_Title"], view.Contributions
            .Where(c => c.Kind == ContributionKind.Ampeltorte)
            .OrderBy(c => c.Domain).ThenBy(c => c.Light)
            .Select(c => t.Name(c.Domain ?? LifeDomain.FinanzenWohnen) + " (" + t.Name(c.Light ?? TrafficLight.Green) + "): " + c.Text.Trim()));
        Section(text, t["Group_Resource"], view.Contributions
            .Where(c => c.Kind == ContributionKind.Resource)
            .OrderBy(c => c.Area)
            .Select(c => t.Name(c.Area ?? ResourceArea.Persoenlich) + ": " + c.Text.Trim()));
        Section(text, t["Record_ChosenSteps"], view.Contributions
            .Where(c => c.Kind == ContributionKind.Idea && c.IsChosen)
            .Select(c => c.Text.Trim()));
        Section(text, t["Record_Agreements"], view.Agreements.Select(a =>
        {
            var line = a.What.Trim() + " – " + AgreementParts.Owner(t, a);
            if (a.Due is { } due)
            {
                line += ", " + t.Format("Agreements_Due", context.FormatDate(due));
            }

            return a.IsCoordinator ? line + ", " + t["Agreements_Coordinator"] : line;
        }));
        Section(text, t["Record_Partners"], view.Contributions
            .Where(c => c.Kind == ContributionKind.HelperSystem && !string.IsNullOrWhiteSpace(c.Agency))
            .Select(c => c.Agency!.Trim() + (string.IsNullOrWhiteSpace(c.Mandate) ? string.Empty : ": " + c.Mandate.Trim())));
        return text.ToString().TrimEnd();
    }

    private static IEnumerable<string> Texts(ProtocolView view, ContributionKind kind) =>
        view.Contributions.Where(c => c.Kind == kind).Select(c => c.Text.Trim());

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.Where(l => l.Length > 0).ToArray();
        if (list.Length == 0)
        {
            return;
        }

        text.AppendLine().Append(title).AppendLine(":");
        foreach (var line in list)
        {
            text.Append("- ").AppendLine(line);
        }
    }
}
