using System.Text.RegularExpressions;
using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Teams;

/// <summary>
/// Which Microsoft 365 features a team turned on. All are off until a moderator turns them on, because each moves data
/// out of the bot into Microsoft 365: the calendar (the next date as an Outlook event with a Teams meeting; subject and
/// text carry method and pseudonym only), Planner (agreements with a job-centre owner as tasks in the team's plan) and
/// files (a confirmed record as a Word document in the channel's files).
/// </summary>
public sealed partial record GraphFeatures
{
    public const int MaxIdLength = 100;

    public static GraphFeatures Off { get; } = new();

    public bool Calendar { get; init; }

    public bool Planner { get; init; }

    public bool Files { get; init; }

    /// <summary>The Planner plan the tasks go to (its id, from Planner's address bar or the admin).</summary>
    public string? PlanId { get; init; }

    /// <summary>The team's Microsoft 365 group (Entra object id), taken from Teams when the settings were saved in the team.</summary>
    public string? GroupId { get; init; }

    /// <summary>The channel whose files folder receives the records (the channel the settings were saved in).</summary>
    public string? FilesChannelId { get; init; }

    public bool Any => Calendar || Planner || Files;

    /// <summary>Applies a change: Planner needs a plan id, files need the team (group) and a channel; otherwise a rejection.</summary>
    public Outcome<GraphFeatures> Apply(GraphFeaturesChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var planId = change.PlanId is null ? PlanId : (string.IsNullOrWhiteSpace(change.PlanId) ? null : change.PlanId.Trim());
        if (planId is not null && (planId.Length > MaxIdLength || !IdPattern().IsMatch(planId)))
        {
            return Rejections.InvalidSetting(new(
                "Die Plan-ID sieht nicht richtig aus (nur Buchstaben, Ziffern, - und _, höchstens 100 Zeichen). Sie steht in der Adresse des Plans in Planner.",
                "The plan id does not look right (letters, digits, - and _ only, at most 100 characters). It is in the plan's address in Planner."));
        }

        var next = this with
        {
            Calendar = change.Calendar ?? Calendar,
            Planner = change.Planner ?? Planner,
            Files = change.Files ?? Files,
            PlanId = planId,
            GroupId = change.GroupId ?? GroupId,
            FilesChannelId = change.FilesChannelId ?? FilesChannelId,
        };
        if (next.Planner && next.PlanId is null)
        {
            return Rejections.InvalidSetting(new(
                "Für Planner-Aufgaben bitte die Plan-ID des Team-Plans angeben.",
                "For Planner tasks, please give the id of the team's plan."));
        }

        if (next.Files && (next.GroupId is null || next.FilesChannelId is null))
        {
            return Rejections.InvalidSetting(new(
                "Protokolle in Dateien gehen nur in einem Team-Kanal. Bitte die Einstellungen im Kanal öffnen, in dem die Protokolle abgelegt werden sollen.",
                "Filing records works in a team channel only. Please open the settings in the channel where the records should go."));
        }

        return Outcome<GraphFeatures>.Success(next);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

/// <summary>What the settings card submitted for Graph; null keeps the current value.</summary>
public sealed record GraphFeaturesChange
{
    public bool? Calendar { get; init; }

    public bool? Planner { get; init; }

    public bool? Files { get; init; }

    /// <summary>Empty clears the plan.</summary>
    public string? PlanId { get; init; }

    public string? GroupId { get; init; }

    public string? FilesChannelId { get; init; }
}
