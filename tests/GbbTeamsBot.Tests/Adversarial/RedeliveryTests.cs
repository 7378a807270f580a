using System.Net;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Teams;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>
/// Redelivery of one activity: after a storage fault it is handled (not dropped as a repeat), on another instance it is
/// a repeat, and taken over after a crash it adds nothing twice. Real Azurite; faults are injected in front of it.
/// </summary>
public sealed class RedeliveryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Question = "Seit wann besteht der Kontakt zum Familienzentrum?";

    [Fact]
    public async Task Redelivery_after_a_storage_fault_is_handled_once()
    {
        var faults = new StorageFaults();
        await using var host = await TeamsHost.StartAsync(azurite.ConnectionString, configureServices: s => faults.Install(s, azurite.ConnectionString));
        var kb = new KbDriver(host);
        var (session, _) = await kb.StartAsync(Place.Channel);
        var click = AddQuestion(host, await kb.ViewAsync(TeamsUser.Carla, session));

        // The session's save fails as storage blips: the click is answered 500 and nothing is stored.
        faults.FailNext(1, StorageFaults.IsBatch);
        using (var failed = await host.PostAsync(click))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        Assert.Equal(1, faults.Injected);
        Assert.Empty((await kb.LoadAsync(session, Place.Channel)).State.Contributions);

        // Teams delivers the same activity again: it is handled, not dropped as a repeat.
        var answer = await host.InvokeAsync(click);
        Assert.Contains(Question, CardJson.Text(answer), StringComparison.Ordinal);
        Assert.Single((await kb.LoadAsync(session, Place.Channel)).State.Contributions);

        // Once handled, a further delivery is a repeat: 200, nothing added.
        using (var repeat = await host.PostAsync(click))
        {
            Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        }

        Assert.Single((await kb.LoadAsync(session, Place.Channel)).State.Contributions);
        Assert.Equal("done", await ActivityStatusAsync(host, click));
        AssertNoErrorsLeakingContent(host);
    }

    [Fact]
    public async Task Two_instances_handle_one_activity_once()
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        await using var first = await TeamsHost.StartAsync(azurite.ConnectionString, prefix);
        await using var second = await TeamsHost.StartAsync(azurite.ConnectionString, prefix);
        var kb = new KbDriver(first);
        var (session, _) = await kb.StartAsync(Place.Channel);

        // A card without a request id (older cards, Action.Submit): only the activity id makes the repeat visible.
        var click = AddQuestion(first, await kb.ViewAsync(TeamsUser.Carla, session), withoutRequestId: true);
        var answers = await Task.WhenAll(first.PostAsync(click), second.PostAsync(For(second, click)));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode || a.StatusCode == HttpStatusCode.ServiceUnavailable, a.StatusCode.ToString()));
        Assert.Single((await kb.LoadAsync(session, Place.Channel)).State.Contributions);

        // Later deliveries to either instance are repeats.
        using var later = await second.PostAsync(For(second, click));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Single((await kb.LoadAsync(session, Place.Channel)).State.Contributions);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Activity_taken_over_after_a_crash_does_not_add_the_contribution_twice()
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..10];
        var faults = new StorageFaults();
        await using var crashed = await TeamsHost.StartAsync(azurite.ConnectionString, prefix, s => faults.Install(s, azurite.ConnectionString));
        await using var survivor = await TeamsHost.StartAsync(azurite.ConnectionString, prefix);
        var kb = new KbDriver(crashed);
        var (session, _) = await kb.StartAsync(Place.Channel);
        var click = AddQuestion(crashed, await kb.ViewAsync(TeamsUser.Carla, session), withoutRequestId: true);

        // The first instance stores the contribution but never marks the activity done (as if it died right after).
        faults.FailNext(1, StorageFaults.IsActivityRecordChange);
        await crashed.InvokeAsync(click);
        Assert.Equal(1, faults.Injected);
        Assert.Equal("pending", await ActivityStatusAsync(crashed, click));

        // Within the lease a redelivery is told to come back later; after it, the other instance takes the activity over.
        using (var early = await survivor.PostAsync(For(survivor, click)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, early.StatusCode);
        }

        survivor.Clock.Jump(TimeSpan.FromMinutes(2));
        var answer = await survivor.InvokeAsync(For(survivor, click));

        Assert.Contains("Das wurde bereits ausgeführt.", CardJson.Text(answer), StringComparison.Ordinal);
        var contributions = (await new KbDriver(survivor).LoadAsync(session, Place.Channel)).State.Contributions;
        Assert.Single(contributions);
        Assert.Equal("done", await ActivityStatusAsync(survivor, click));
    }

    private static JsonObject AddQuestion(TeamsHost host, JsonObject card, bool withoutRequestId = false)
    {
        var data = CardJson.RequireData(card, CardVerbs.ContributionAdd);
        if (withoutRequestId)
        {
            data.Remove("requestId");
        }

        return Activities.Invoke(host, TeamsUser.Carla, Place.Channel, data, KbDriver.CardId, new JsonObject { ["text"] = Question });
    }

    /// <summary>The same activity as delivered to another instance (each test host has its own token keys and connector).</summary>
    private static JsonObject For(TeamsHost host, JsonObject activity)
    {
        var copy = (JsonObject)activity.DeepClone();
        copy["serviceUrl"] = host.Connector.ServiceUrl;
        return copy;
    }

    private static Task<string?> ActivityStatusAsync(TeamsHost host, JsonObject activity) =>
        host.Service<ActivityClaimRepository>().GetStatusAsync(TeamsHost.Tenant, "msteams|" + TeamsHost.ChannelConversation, activity["id"]!.GetValue<string>());

    private static void AssertNoErrorsLeakingContent(TeamsHost host) =>
        Assert.DoesNotContain(host.Logs, l => l.Contains(Question, StringComparison.Ordinal));
}
