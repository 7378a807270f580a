using GbbTeamsBot.BotFramework.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.BotFramework.Tests.Inbound;

public sealed class ActivityDeduplicatorTests
{
    private static ActivityKey Key(string id) => new("msteams", "t1", "c1", id);

    [Fact]
    public async Task Completed_activity_is_a_repeat_and_another_id_is_new()
    {
        var dedup = new InMemoryActivityDeduplicator(new FakeTimeProvider());

        var first = await dedup.TryBeginAsync(Key("a1"), CancellationToken.None);
        Assert.Equal(ActivityBegin.Claimed, first.Outcome);
        await dedup.CompleteAsync(first, CancellationToken.None);

        Assert.Equal(ActivityBegin.AlreadyHandled, (await dedup.TryBeginAsync(Key("a1"), CancellationToken.None)).Outcome);
        Assert.Equal(ActivityBegin.Claimed, (await dedup.TryBeginAsync(Key("a2"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Forgotten_activity_is_handled_when_it_comes_again()
    {
        var dedup = new InMemoryActivityDeduplicator(new FakeTimeProvider());
        var first = await dedup.TryBeginAsync(Key("a1"), CancellationToken.None);

        await dedup.ForgetAsync(first, CancellationToken.None);

        Assert.Equal(ActivityBegin.Claimed, (await dedup.TryBeginAsync(Key("a1"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Pending_activity_is_in_progress_until_its_lease_runs_out_then_taken_over()
    {
        var time = new FakeTimeProvider();
        var dedup = new InMemoryActivityDeduplicator(time, lease: TimeSpan.FromSeconds(30));
        var crashed = await dedup.TryBeginAsync(Key("a1"), CancellationToken.None);

        Assert.Equal(ActivityBegin.InProgress, (await dedup.TryBeginAsync(Key("a1"), CancellationToken.None)).Outcome);
        time.Advance(TimeSpan.FromSeconds(31));
        var takeover = await dedup.TryBeginAsync(Key("a1"), CancellationToken.None);
        Assert.Equal(ActivityBegin.Claimed, takeover.Outcome);

        // The first holder's late failure does not free the new holder's claim.
        await dedup.ForgetAsync(crashed, CancellationToken.None);
        Assert.Equal(ActivityBegin.InProgress, (await dedup.TryBeginAsync(Key("a1"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Keys_expire_after_the_retention()
    {
        var time = new FakeTimeProvider();
        var dedup = new InMemoryActivityDeduplicator(time, TimeSpan.FromMinutes(15));
        await dedup.CompleteAsync(await dedup.TryBeginAsync(Key("k"), CancellationToken.None), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(ActivityBegin.AlreadyHandled, (await dedup.TryBeginAsync(Key("k"), CancellationToken.None)).Outcome);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ActivityBegin.Claimed, (await dedup.TryBeginAsync(Key("k"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Memory_stays_bounded_by_the_capacity()
    {
        var dedup = new InMemoryActivityDeduplicator(new FakeTimeProvider(), capacity: 100);

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(ActivityBegin.Claimed, (await dedup.TryBeginAsync(Key($"k{i}"), CancellationToken.None)).Outcome);
        }

        Assert.InRange(dedup.Count, 1, 100);
        Assert.Equal(ActivityBegin.InProgress, (await dedup.TryBeginAsync(Key("k999"), CancellationToken.None)).Outcome);
    }
}
