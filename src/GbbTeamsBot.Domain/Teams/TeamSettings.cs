using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.DataProtection;

namespace GbbTeamsBot.Domain.Teams;

/// <summary>
/// A team's settings (one per tenant and team or chat): the language of its cards and notices and the time zone its
/// clocks show. A session takes both over when it is created and keeps them to its end, so the card everyone sees does
/// not change with whoever acts. New settings (retention, Graph toggles) are added here as further properties with
/// their defaults; stored settings without them read as the default.
/// </summary>
public sealed record TeamSettings
{
    public const string DefaultTimeZoneId = "Europe/Berlin";

    /// <summary>The time zones the settings card offers (IANA ids); the first is the default.</summary>
    public static IReadOnlyList<string> TimeZoneChoices { get; } =
        [DefaultTimeZoneId, "Europe/Vienna", "Europe/Zurich", "Europe/Luxembourg", "Europe/Brussels", "Europe/London", "UTC"];

    public static TeamSettings Default { get; } = new();

    /// <summary>German unless the team chose English. The record for the case file is German either way.</summary>
    public Language Language { get; init; } = Language.German;

    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    /// <summary>Months the team keeps ended sessions; null: the deployment's default (Retention:CompletedSessionMonths).</summary>
    public int? RetentionMonths { get; init; }

    /// <summary>The retention periods the settings card offers, in months.</summary>
    public static IReadOnlyList<int> RetentionChoices { get; } = [6, 12, 24, 36, 60, 120];

    /// <summary>The team's retention policy, or <paramref name="deploymentDefault"/> when it chose none.</summary>
    public RetentionPolicy Retention(RetentionPolicy deploymentDefault) =>
        RetentionMonths is { } months ? new RetentionPolicy(months) : deploymentDefault;

    /// <summary>Working days before an agreement's due date its owner is reminded; 0 switches reminders off; null: 2.</summary>
    public int? ReminderDaysBefore { get; init; }

    /// <summary>The reminder lead times the settings card offers (0 = off).</summary>
    public static IReadOnlyList<int> ReminderChoices { get; } = [0, 1, 2, 3, 5];

    /// <summary>The team's lead time for agreement reminders in working days (0: off).</summary>
    public int ReminderWorkingDays => ReminderDaysBefore ?? Agreements.AgreementReminders.DefaultWorkingDaysBefore;
    /// <summary>The Microsoft 365 features the team turned on (all off by default).</summary>
    public GraphFeatures Graph { get; init; } = GraphFeatures.Off;

    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The Teams id of who changed the settings last (never shown on cards).</summary>
    public string? ChangedById { get; init; }

    /// <summary>
    /// Applies a change when <paramref name="actor"/> may make it and every value is valid; otherwise a rejection and
    /// the settings stay as they are.
    /// </summary>
    public Outcome<TeamSettings> Change(TeamSettingsChange change, TeamSettingsActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        if (!TeamSettingsRules.MayChange(actor))
        {
            return Rejections.SettingsNotPermitted();
        }

        var zone = change.TimeZoneId?.Trim();
        if (zone is not null && !TimeZoneChoices.Contains(zone, StringComparer.Ordinal))
        {
            return Rejections.InvalidSetting(new("Diese Zeitzone wird nicht angeboten.", "This time zone is not offered."));
        }

        if (change.Retention?.Months is { } months && RetentionPolicy.Create(months).Rejection is { } invalid)
        {
            return invalid;
        }

        if (change.ReminderDaysBefore is { } reminderDays && !ReminderChoices.Contains(reminderDays))
        {
            return Rejections.InvalidSetting(new("Diese Vorlaufzeit für Erinnerungen wird nicht angeboten.", "This reminder lead time is not offered."));
        }

        var graph = Graph ?? GraphFeatures.Off;
        if (change.Graph is { } graphChange)
        {
            var applied = graph.Apply(graphChange);
            if (!applied.IsSuccess)
            {
                return applied.Rejection!;
            }

            graph = applied.Value!;
        }

        return Outcome<TeamSettings>.Success(this with
        {
            Graph = graph,
            Language = change.Language ?? Language,
            TimeZoneId = zone ?? TimeZoneId,
            RetentionMonths = change.Retention is { } retention ? retention.Months : RetentionMonths,
            ReminderDaysBefore = change.ReminderDaysBefore ?? ReminderDaysBefore,
            ChangedAt = now,
            ChangedById = actor.UserId,
        });
    }
}

/// <summary>The values a settings card submitted; null keeps the current value.</summary>
public sealed record TeamSettingsChange
{
    public Language? Language { get; init; }

    public string? TimeZoneId { get; init; }

    /// <summary>A new retention period (null: keep the current one).</summary>
    public RetentionChoice? Retention { get; init; }

    /// <summary>Working days before the due date agreement owners are reminded, 0 = off (null: keep).</summary>
    public int? ReminderDaysBefore { get; init; }
    /// <summary>Microsoft 365 features (null: keep them as they are).</summary>
    public GraphFeaturesChange? Graph { get; init; }
}

/// <summary>The retention a team chose: a number of months, or null for the deployment's default.</summary>
public sealed record RetentionChoice(int? Months);

/// <summary>
/// Who wants to change the settings, as far as the bot can know. Teams tells a bot nothing about team ownership (that
/// needs Microsoft Graph), so "moderator" means: moderates or moderated a session of this team.
/// </summary>
public sealed record TeamSettingsActor(string UserId)
{
    /// <summary>A guest or anonymous participant from outside the tenant.</summary>
    public bool IsExternal { get; init; }

    /// <summary>The person moderates or moderated a session of this team.</summary>
    public bool IsModerator { get; init; }

    /// <summary>The team has no session yet, so nobody moderates: whoever sets the team up first may choose.</summary>
    public bool TeamHasNoSessions { get; init; }
}

public static class TeamSettingsRules
{
    /// <summary>Moderators of the team's sessions; before the first session anyone from the tenant. Never guests.</summary>
    public static bool MayChange(TeamSettingsActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return !actor.IsExternal && !string.IsNullOrWhiteSpace(actor.UserId) && (actor.IsModerator || actor.TeamHasNoSessions);
    }
}
