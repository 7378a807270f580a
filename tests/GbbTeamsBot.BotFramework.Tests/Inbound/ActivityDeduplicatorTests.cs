using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.BotFramework.Tests.Inbound;

public sealed class ActivityDeduplicatorTests
{
    [Fact]
    public async Task Same_activity_key_is_accepted_once()
    {
        var dedup = new InMemoryActivityDeduplicator(new FakeTimeProvider());

        Assert.True(await dedup.TryBeginAsync("msteams|c1|a1", CancellationToken.None));
        Assert.False(await dedup.TryBeginAsync("msteams|c1|a1", CancellationToken.None));
        Assert.True(await dedup.TryBeginAsync("msteams|c1|a2", CancellationToken.None));
    }

    [Fact]
    public async Task Keys_expire_after_the_retention()
    {
        var time = new FakeTimeProvider();
        var dedup = new InMemoryActivityDeduplicator(time, TimeSpan.FromMinutes(15));
        await dedup.TryBeginAsync("k", CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(await dedup.TryBeginAsync("k", CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await dedup.TryBeginAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Memory_stays_bounded_by_the_capacity()
    {
        var dedup = new InMemoryActivityDeduplicator(new FakeTimeProvider(), capacity: 100);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(await dedup.TryBeginAsync($"k{i}", CancellationToken.None));
        }

        Assert.InRange(dedup.Count, 1, 100);
        Assert.False(await dedup.TryBeginAsync("k999", CancellationToken.None));
    }
}
