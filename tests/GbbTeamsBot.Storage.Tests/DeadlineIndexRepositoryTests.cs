using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DeadlineIndexRepositoryTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    [Fact]
    public void Buckets_are_utc_minutes()
    {
        Assert.Equal("2026-11-21T10:42", DeadlineIndexRepository.BucketOf(new DateTimeOffset(2026, 11, 21, 11, 42, 59, TimeSpan.FromHours(1))));
    }

    [Fact]
    public async Task Due_deadlines_are_found_in_their_buckets_and_future_ones_are_not()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        await deadlines.ScheduleAsync(TeamA, "s1", "t1", Now.AddSeconds(10));
        await deadlines.ScheduleAsync(TeamB, "s2", "t1", Now.AddMinutes(2).AddSeconds(5));
        await deadlines.ScheduleAsync(TeamA, "s3", "t1", Now.AddMinutes(2).AddSeconds(50));
        await deadlines.ScheduleAsync(TeamA, "s4", "t1", Now.AddMinutes(10));
        await deadlines.ScheduleAsync(TeamA, "s0", "t1", Now.AddMinutes(-30));

        var due = await deadlines.ListDueAsync(Now.AddMinutes(-1), Now.AddMinutes(2).AddSeconds(30));

        Assert.Equal(["s1", "s2"], due.Select(d => d.Deadline.SessionId).Order());
        Assert.Equal(TeamB, due.Single(d => d.Deadline.SessionId == "s2").Deadline.Scope);
    }

    [Fact]
    public async Task Scheduling_the_same_deadline_twice_is_harmless()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        var first = await deadlines.ScheduleAsync(TeamA, "s1", "t1", Now);
        var again = await deadlines.ScheduleAsync(TeamA, "s1", "t1", Now);

        Assert.Equal(first, again);
        Assert.Single(await deadlines.ListDueAsync(Now, Now));
    }

    [Fact]
    public async Task Two_scanners_claiming_the_same_deadline_exactly_one_wins()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        await deadlines.ScheduleAsync(TeamA, "s1", "t1", Now);
        var seenByA = Assert.Single(await deadlines.ListDueAsync(Now, Now.AddSeconds(1)));
        var seenByB = Assert.Single(await deadlines.ListDueAsync(Now, Now.AddSeconds(1)));

        var claims = await Task.WhenAll(
            deadlines.TryClaimAsync(seenByA, "scanner-a", Now.AddSeconds(1), TimeSpan.FromMinutes(1)),
            deadlines.TryClaimAsync(seenByB, "scanner-b", Now.AddSeconds(1), TimeSpan.FromMinutes(1)));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Empty(await deadlines.ListDueAsync(Now, Now.AddSeconds(2)));
        Assert.True(await deadlines.CompleteAsync(winner));
        Assert.Empty(await deadlines.ListDueAsync(Now, Now.AddMinutes(5)));
    }

    [Fact]
    public async Task An_expired_lease_can_be_claimed_again_and_the_old_owner_can_no_longer_complete()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        await deadlines.ScheduleAsync(TeamA, "s1", "t1", Now);
        var entry = Assert.Single(await deadlines.ListDueAsync(Now, Now));
        var crashed = await deadlines.TryClaimAsync(entry, "scanner-a", Now, TimeSpan.FromSeconds(30));

        var visibleAgain = Assert.Single(await deadlines.ListDueAsync(Now, Now.AddMinutes(1)));
        var takeover = await deadlines.TryClaimAsync(visibleAgain, "scanner-b", Now.AddMinutes(1), TimeSpan.FromSeconds(30));

        Assert.NotNull(crashed);
        Assert.NotNull(takeover);
        Assert.False(await deadlines.CompleteAsync(crashed));
        Assert.True(await deadlines.CompleteAsync(takeover));
    }

    [Fact]
    public async Task A_cancelled_deadline_is_gone_and_a_stale_claim_on_it_fails()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        await deadlines.ScheduleAsync(TeamA, "s1", "t1", Now);
        var entry = Assert.Single(await deadlines.ListDueAsync(Now, Now));

        await deadlines.CancelAsync(TeamA, "s1", "t1", Now);
        await deadlines.CancelAsync(TeamA, "s1", "t1", Now);

        Assert.Null(await deadlines.TryClaimAsync(entry, "scanner-a", Now, TimeSpan.FromSeconds(30)));
        Assert.Empty(await deadlines.ListDueAsync(Now, Now.AddMinutes(1)));
    }

    [Fact]
    public async Task A_scan_window_over_seven_days_is_refused()
    {
        var deadlines = new DeadlineIndexRepository(Tables);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => deadlines.ListDueAsync(Now.AddDays(-8), Now));
    }
}
