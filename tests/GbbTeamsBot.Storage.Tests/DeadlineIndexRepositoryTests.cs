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
    public async Task Two_scanners_claiming_a_bucket_in_batches_get_every_row_exactly_once()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        for (var i = 0; i < 250; i++)
        {
            await deadlines.ScheduleAsync(i % 2 == 0 ? TeamA : TeamB, $"s{i:D3}", "t1", Now.AddSeconds(i % 50));
        }

        // Both read the same rows and claim them in chunks of 100 at the same time, in opposite chunk order; a loser
        // reads again and claims what is still free, as the scanner does.
        async Task<List<DeadlineEntry>> ScannerAsync(string owner, bool reversed)
        {
            var mine = new List<DeadlineEntry>();
            for (var round = 0; round < 3; round++)
            {
                var due = await deadlines.ReadDueAsync(Now, Now.AddMinutes(1), Now.AddSeconds(50), 1000, owner);
                var chunks = due.Rows.Where(r => r.ClaimedBy != owner).Chunk(100).ToList();
                if (reversed)
                {
                    chunks.Reverse();
                }

                foreach (var chunk in chunks)
                {
                    mine.AddRange((await deadlines.TryClaimAllAsync(chunk, owner, Now.AddSeconds(50), TimeSpan.FromMinutes(1))).Claimed);
                }
            }

            return mine;
        }

        var claims = await Task.WhenAll(ScannerAsync("scanner-a", false), ScannerAsync("scanner-b", true));

        var all = claims.SelectMany(c => c).Select(c => c.Deadline.SessionId).ToList();
        Assert.Equal(250, all.Count);
        Assert.Equal(250, all.Distinct().Count());
        Assert.All(claims[0], c => Assert.Equal("scanner-a", c.ClaimedBy));
        Assert.Empty(await deadlines.ListDueAsync(Now, Now.AddSeconds(50)));

        // Each claim holds its own ETag: both complete their rows in batches, and nothing is left.
        Assert.Equal(claims[0].Count, await deadlines.CompleteAllAsync(claims[0]));
        Assert.Equal(claims[1].Count, await deadlines.CompleteAllAsync(claims[1]));
        Assert.Empty(await deadlines.ListDueAsync(Now, Now.AddMinutes(5)));
    }

    [Fact]
    public async Task A_batched_claim_leaves_out_a_row_taken_first_and_a_stale_completion_removes_only_what_it_owns()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        for (var i = 0; i < 5; i++)
        {
            await deadlines.ScheduleAsync(TeamA, $"s{i}", "t1", Now);
        }

        var seen = (await deadlines.ListDueAsync(Now, Now)).OrderBy(r => r.Deadline.SessionId).ToList();
        var taken = await deadlines.TryClaimAsync(seen[2], "scanner-b", Now, TimeSpan.FromMinutes(1));

        var claims = await deadlines.TryClaimAllAsync(seen, "scanner-a", Now, TimeSpan.FromMinutes(1));

        Assert.NotNull(taken);
        Assert.Equal(["s0", "s1", "s3", "s4"], claims.Claimed.Select(c => c.Deadline.SessionId).Order());
        Assert.Equal(1, claims.Lost);
        Assert.Equal(1, await deadlines.CompleteAllAsync([.. seen.Take(2), taken!]));
        Assert.Equal(4, await deadlines.CompleteAllAsync(claims.Claimed));
        Assert.Empty(await deadlines.ListDueAsync(Now, Now.AddMinutes(5)));
    }

    [Fact]
    public async Task Reads_are_bounded_oldest_bucket_first_and_rows_under_someone_elses_lease_are_skipped()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        for (var i = 0; i < 4; i++)
        {
            await deadlines.ScheduleAsync(TeamA, $"late{i}", "t1", Now.AddMinutes(2));
            await deadlines.ScheduleAsync(TeamA, $"early{i}", "t1", Now);
        }

        var leased = await deadlines.TryClaimAsync((await deadlines.ListDueAsync(Now, Now)).First(), "scanner-b", Now, TimeSpan.FromMinutes(5));

        var first = await deadlines.ReadDueAsync(Now, Now.AddMinutes(3), Now.AddMinutes(3), 5, "scanner-a");
        var all = await deadlines.ReadDueAsync(Now, Now.AddMinutes(3), Now.AddMinutes(3), 100, "scanner-a");
        var owners = await deadlines.ReadDueAsync(Now, Now.AddMinutes(3), Now.AddMinutes(3), 100, "scanner-b");

        Assert.True(first.Truncated);
        Assert.Equal(5, first.Rows.Count);
        Assert.Equal(3, first.Rows.Count(r => r.Deadline.SessionId.StartsWith("early", StringComparison.Ordinal)));
        Assert.False(all.Truncated);
        Assert.Equal(7, all.Rows.Count);
        Assert.DoesNotContain(all.Rows, r => r.Deadline == leased!.Deadline);
        Assert.Contains(owners.Rows, r => r.Deadline == leased!.Deadline);
    }

    [Fact]
    public async Task Scheduling_many_deadlines_writes_one_row_each_and_a_claimant_gets_its_rows_already_claimed()
    {
        var deadlines = new DeadlineIndexRepository(Tables);
        var records = Enumerable.Range(0, 130).Select(i => new DeadlineRecord(TeamA.TenantId, TeamA.TeamId, $"s{i}", "t1", Now.AddSeconds(i))).ToList();

        var free = await deadlines.ScheduleAllAsync([.. records.Take(100), records[5]]);
        var kept = await deadlines.ScheduleAllAsync(records.Skip(100).ToList(), "scanner-a", TimeSpan.FromSeconds(30));

        Assert.Equal(101, free.Count);
        Assert.All(free, e => Assert.Null(e.ClaimedBy));
        Assert.All(kept, e => Assert.Equal("scanner-a", e.ClaimedBy));
        Assert.Equal(records[120].DueAt.AddSeconds(30), kept[20].ClaimedUntil);

        // Other instances do not see the kept rows; the keeper completes them with the ETags it got.
        var forOthers = await deadlines.ReadFreeAsync(Now, Now.AddMinutes(3), Now, 1000);
        Assert.Equal(100, forOthers.Rows.Count);
        Assert.DoesNotContain(forOthers.Rows, r => r.Deadline.SessionId == "s120");
        Assert.Equal(30, await deadlines.CompleteAllAsync(kept));
        Assert.Equal(100, (await deadlines.ListDueAsync(Now, Now.AddMinutes(3))).Count);
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
