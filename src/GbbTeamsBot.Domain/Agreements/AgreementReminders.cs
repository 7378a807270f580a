using System.Globalization;

namespace GbbTeamsBot.Domain.Agreements;

public enum ReminderKind
{
    /// <summary>Some working days before the due date (default 2).</summary>
    BeforeDue,

    /// <summary>The working morning after the due date, while still open.</summary>
    Overdue,
}

/// <summary>A reminder of one agreement, due at an instant; its key names the due date it was planned for.</summary>
public sealed record AgreementReminder(ReminderKind Kind, DateOnly DueBy, DateTimeOffset At)
{
    /// <summary>"before:2027-01-04": a new due date ("Neues Datum") plans new reminders with new keys.</summary>
    public string Key => (Kind == ReminderKind.BeforeDue ? "before:" : "overdue:") + DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// When an agreement's owner is reminded: only agreements assigned to a team member, still open and with a due date.
/// One reminder some working days before the due date (per team, default 2; 0 switches them off) and one the morning
/// after it, if still open. Each is sent once (its key is kept on the agreement); a reminder planned for an older due
/// date, a done or deleted agreement is stale and never sent.
/// </summary>
public static class AgreementReminders
{
    public const int DefaultWorkingDaysBefore = 2;

    /// <summary>The hour (team's local time) reminders go out, so nobody is pinged at night.</summary>
    public const int LocalHour = 8;

    /// <summary>The next reminder still to send, or null (none due any more, or reminders are off).</summary>
    public static AgreementReminder? Next(Agreement agreement, int workingDaysBefore, TimeZoneInfo zone, IReadOnlySet<string> sent)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(sent);
        if (workingDaysBefore <= 0 || agreement.OwnerUserId is null || agreement.DueBy is not { } due || !AgreementFollowUp.IsOpen(agreement.Status))
        {
            return null;
        }

        var before = new AgreementReminder(ReminderKind.BeforeDue, due, At(WorkingDaysBefore(due, workingDaysBefore), zone));
        if (!sent.Contains(before.Key))
        {
            return before;
        }

        var overdue = new AgreementReminder(ReminderKind.Overdue, due, At(NextWorkingDay(due), zone));
        return sent.Contains(overdue.Key) ? null : overdue;
    }

    /// <summary>True when <paramref name="reminder"/> is still the one to send now (not stale, its time has come).</summary>
    public static bool IsDue(AgreementReminder reminder, Agreement agreement, int workingDaysBefore, TimeZoneInfo zone, IReadOnlySet<string> sent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return Next(agreement, workingDaysBefore, zone, sent) is { } next && next.Key == reminder.Key && next.At <= now;
    }

    private static DateOnly WorkingDaysBefore(DateOnly date, int days)
    {
        var day = date;
        while (days > 0)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return day;
    }

    private static DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateTimeOffset At(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(LocalHour, 0));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
