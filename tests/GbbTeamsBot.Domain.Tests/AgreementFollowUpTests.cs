using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

public sealed class AgreementFollowUpTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static Agreement Earlier(string id, AgreementStatus status = AgreementStatus.Open, string session = "s0", int minute = 0) => new()
    {
        Id = session + "/" + id,
        SourceSessionId = session,
        CaseReference = Case,
        What = "Schritt " + id,
        Owner = AgreementOwner.JobCentre,
        OwnerUserId = "29:c",
        DueBy = new DateOnly(2027, 1, 6),
        Status = status,
        CreatedAt = T0.AddDays(-30).AddMinutes(minute),
    };

    [Fact]
    public void Review_lists_everything_open_and_all_of_the_latest_sessions_agreements_but_not_older_closed_or_carried_ones()
    {
        var older = new[] { Earlier("a1", AgreementStatus.Done, "old"), Earlier("a2", AgreementStatus.NotDone, "old"), Earlier("a3", AgreementStatus.CarriedOver, "old") };
        var latest = new[] { Earlier("a1", AgreementStatus.Done, "s0", 10), Earlier("a2", AgreementStatus.Open, "s0", 11) };

        var review = AgreementFollowUp.ForReview([.. older, .. latest], max: 50);

        Assert.Equal(["old/a2", "s0/a1", "s0/a2"], review.Select(a => a.Id));
    }

    [Fact]
    public void A_newer_status_is_never_overwritten_by_an_older_copy_and_sent_reminders_are_kept()
    {
        var open = Earlier("a1");
        var done = AgreementFollowUp.WithStatus(open, AgreementStatus.Done, "29:c", null, T0) with { RemindersSent = ["before:2027-01-06"] };

        var merged = AgreementFollowUp.Merge(done, open with { What = "Schritt a1 (korrigiert)" });
        Assert.Equal(AgreementStatus.Done, merged.Status);
        Assert.Equal("29:c", merged.StatusChangedById);
        Assert.Equal("Schritt a1 (korrigiert)", merged.What);
        Assert.Equal(["before:2027-01-06"], merged.RemindersSent);

        var reviewedLater = AgreementFollowUp.WithStatus(open, AgreementStatus.NotDone, "mod", "Termin ausgefallen", T0.AddHours(1));
        Assert.Equal(AgreementStatus.NotDone, AgreementFollowUp.Merge(done, reviewedLater).Status);
    }

    [Fact]
    public void Only_the_owner_or_someone_with_a_role_in_the_cases_sessions_may_change_a_status()
    {
        var agreement = Earlier("a1");
        Assert.Null(AgreementFollowUp.MayChangeStatus("29:c", agreement, []));
        Assert.Null(AgreementFollowUp.MayChangeStatus("29:a", agreement, ["29:a", "29:b"]));
        Assert.Equal(RejectionCode.RoleNotPermitted, AgreementFollowUp.MayChangeStatus("29:x", agreement, ["29:a"])!.Code);
        Assert.NotNull(AgreementFollowUp.MayChangeStatus(string.Empty, agreement with { OwnerUserId = null }, [string.Empty]));
    }

    [Fact]
    public void Reminders_go_two_working_days_before_at_eight_then_the_working_morning_after_and_never_for_done_or_unowned_ones()
    {
        var agreement = Earlier("a1") with { DueBy = new DateOnly(2027, 1, 4) }; // a Monday
        var before = AgreementReminders.Next(agreement, 2, Berlin, new HashSet<string>())!;
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 8, 0, 0, TimeSpan.FromHours(1)), before.At); // Thursday, over the weekend
        var overdue = AgreementReminders.Next(agreement, 2, Berlin, new HashSet<string> { before.Key })!;
        Assert.Equal(ReminderKind.Overdue, overdue.Kind);
        Assert.Equal(new DateTimeOffset(2027, 1, 5, 8, 0, 0, TimeSpan.FromHours(1)), overdue.At);
        Assert.Null(AgreementReminders.Next(agreement, 2, Berlin, new HashSet<string> { before.Key, overdue.Key }));

        Assert.Null(AgreementReminders.Next(agreement with { Status = AgreementStatus.Done }, 2, Berlin, new HashSet<string>()));
        Assert.Null(AgreementReminders.Next(agreement with { OwnerUserId = null }, 2, Berlin, new HashSet<string>()));
        Assert.Null(AgreementReminders.Next(agreement, 0, Berlin, new HashSet<string>()));

        // A new due date plans a new reminder; the one for the old date is stale.
        var moved = agreement with { DueBy = new DateOnly(2027, 2, 1) };
        Assert.False(AgreementReminders.IsDue(before, moved, 2, Berlin, new HashSet<string>(), before.At.AddMinutes(1)));
        Assert.True(AgreementReminders.IsDue(before, agreement, 2, Berlin, new HashSet<string>(), before.At.AddMinutes(1)));
        Assert.False(AgreementReminders.IsDue(before, agreement, 2, Berlin, new HashSet<string>(), before.At.AddMinutes(-1)));
    }

    [Fact]
    public void Review_in_a_session_carries_over_into_this_sessions_agreements_requires_a_reason_for_not_done_and_keeps_who()
    {
        var session = Running(earlier: [Earlier("a1"), Earlier("a2")]);
        Assert.Equal(2, session.EarlierAgreements.Count);

        AssertRejectedUnchanged(session, new ReviewEarlierAgreement(Presenter, "s0/a1", AgreementStatus.NotDone), RejectionCode.TextMissing);
        session.Ok(new ReviewEarlierAgreement(Presenter, "s0/a1", AgreementStatus.NotDone, "Termin ausgefallen"), T0.AddMinutes(1));
        session.Ok(new ReviewEarlierAgreement(Mod, "s0/a2", AgreementStatus.CarriedOver), T0.AddMinutes(2));

        var notDone = session.EarlierAgreements[0];
        Assert.Equal(("Termin ausgefallen", Presenter, T0.AddMinutes(1)), (notDone.StatusReason, notDone.StatusChangedById, notDone.StatusChangedAt!.Value));
        var copy = Assert.Single(session.Agreements);
        Assert.Equal(("s1/a1", "s0/a2", "Schritt a2", "29:c"), (copy.Id, copy.CarriedFromId, copy.What, copy.OwnerUserId));
        AssertRejectedUnchanged(session, new ReviewEarlierAgreement(Mod, "s0/a2", AgreementStatus.Done), RejectionCode.InvalidInState);
        AssertRejectedUnchanged(session, new ReviewEarlierAgreement(Adviser1, "s0/a1", AgreementStatus.Done), RejectionCode.RoleNotPermitted);
    }

    private static void AssertRejectedUnchanged(ConsultationSession session, SessionCommand command, RejectionCode expected)
    {
        var before = session.Json();
        var result = session.Execute(command, T0.AddMinutes(5));
        Assert.False(result.IsAccepted);
        Assert.Equal(expected, result.Rejection!.Code);
        Assert.Equal(before, session.Json());
    }
}
