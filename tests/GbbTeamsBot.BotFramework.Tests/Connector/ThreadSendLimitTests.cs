using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Tests.Support;
using Activity = GbbTeamsBot.BotFramework.Schema.Activity;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.BotFramework.Tests.Connector;

public sealed class ThreadSendLimitTests
{
    private static void AssertWithinTeamsLimits(IReadOnlyList<DateTimeOffset> sends)
    {
        foreach (var window in ThreadSendLimiter.TeamsSendLimits)
        {
            for (var i = 0; i < sends.Count; i++)
            {
                var inWindow = sends.Skip(i).TakeWhile(t => t - sends[i] < window.Window).Count();
                Assert.True(inWindow <= window.Limit, $"{inWindow} sends within {window.Window} starting at send {i} (limit {window.Limit})");
            }
        }
    }

    [Fact]
    public async Task Burst_of_100_updates_in_one_thread_stays_within_7_per_second_and_60_per_30_seconds()
    {
        var time = new FastForwardTimeProvider();
        await using var rig = await ConnectorRig.StartAsync(time);
        var client = await rig.ClientAsync();
        var permits = new List<DateTimeOffset>();
        rig.Limiter.Granted += (_, at) =>
        {
            lock (permits)
            {
                permits.Add(at);
            }
        };

        // 100 different messages of one channel thread, all at once: nothing to coalesce, everything must queue.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.UpdateActivityAsync(ConnectorRig.ConversationId, $"17000000000{i:D2}", Activity.CreateMessage($"Stand {i}"), CancellationToken.None)));

        // The connector stamps arrival with the same virtual clock, which races ahead while requests are in flight,
        // so the windows are checked on the limiter's permits; the connector shows all 100 arrived, each with the token.
        Assert.Equal(100, rig.Connector.Requests.Count);
        var sends = permits.Order().ToList();
        Assert.Equal(100, sends.Count);
        AssertWithinTeamsLimits(sends);
        // 60 in the first 30 s window, so the last sends cannot happen before 30 s have passed, and the limiter does not dawdle.
        Assert.InRange(sends[^1] - sends[0], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(36));
        Assert.All(rig.Connector.Requests, r => Assert.Equal("Bearer test-token-1", r.Authorization));
    }

    [Fact]
    public async Task Two_thousand_sends_in_one_thread_respect_the_hourly_limit()
    {
        var time = new FastForwardTimeProvider();
        var limiter = new ThreadSendLimiter(time);
        var sends = new List<DateTimeOffset>();

        for (var i = 0; i < 2000; i++)
        {
            await limiter.AcquireAsync("svc|19:busy@thread.tacv2", CancellationToken.None);
            sends.Add(time.GetUtcNow());
        }

        var first = sends[0];
        Assert.Equal(1800, sends.Count(t => t - first < TimeSpan.FromHours(1)));
        Assert.True(sends[1800] - first >= TimeSpan.FromHours(1));
        var hourly = ThreadSendLimiter.TeamsSendLimits.Single(w => w.Window == TimeSpan.FromHours(1));
        for (var i = 0; i + hourly.Limit < sends.Count; i += 50)
        {
            Assert.True(sends[i + hourly.Limit] - sends[i] >= hourly.Window);
        }
    }

    [Fact]
    public async Task A_saturated_thread_does_not_hold_up_another_thread()
    {
        var time = new FakeTimeProvider();
        var limiter = new ThreadSendLimiter(time);
        for (var i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync("svc|19:a@thread.tacv2", CancellationToken.None);
        }

        var eighth = limiter.AcquireAsync("svc|19:a@thread.tacv2", CancellationToken.None);
        var other = limiter.AcquireAsync("svc|19:b@thread.tacv2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(eighth.IsCompleted);
    }

    [Fact]
    public void Replies_in_a_channel_count_against_the_channel_thread()
    {
        Assert.Equal(
            ThreadSendLimiter.ThreadKey("https://smba/", "19:abc@thread.tacv2"),
            ThreadSendLimiter.ThreadKey("https://smba/", "19:abc@thread.tacv2;messageid=1712345678901"));
        Assert.NotEqual(
            ThreadSendLimiter.ThreadKey("https://smba/", "19:abc@thread.tacv2"),
            ThreadSendLimiter.ThreadKey("https://smba/", "19:other@thread.tacv2"));
    }
}
