using GbbTeamsBot.Bot.Persistence;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.Storage.Repositories;
using Azure.Data.Tables;
using GbbTeamsBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbbTeamsBot.Tests.Bot;

/// <summary>Proactive messages after a restart depend on references surviving in Table storage (real Azurite).</summary>
public sealed class ConversationReferencePersistenceTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static readonly ConversationReference Channel = new(
        "19:nord@thread.tacv2;messageid=1712345678901", "https://smba.trafficmanager.net/emea/", "msteams",
        "tenant-a", "19:team@thread.tacv2", "19:nord@thread.tacv2", "channel", "28:bot", "GBB", LearnedFromAuthenticatedActivity: true);

    private TableConversationReferenceStore NewInstance() => new(
        new ConversationReferenceRepository(new StorageTables(new TableServiceClient(storage.ConnectionString), "Refs")),
        TimeProvider.System,
        NullLogger<TableConversationReferenceStore>.Instance);

    [Fact]
    public async Task Reference_saved_before_a_restart_is_found_unchanged_by_a_new_instance()
    {
        await NewInstance().SaveAsync(Channel, CancellationToken.None);

        var restored = await NewInstance().GetAsync(Channel.ConversationId, CancellationToken.None);

        Assert.Equal(Channel, restored);
    }

    [Fact]
    public async Task Reference_learned_without_authentication_keeps_that_mark_after_a_restart()
    {
        var local = Channel with { ConversationId = "a:personal-1", LearnedFromAuthenticatedActivity = false };
        await NewInstance().SaveAsync(local, CancellationToken.None);

        var restored = await NewInstance().GetAsync(local.ConversationId, CancellationToken.None);

        Assert.NotNull(restored);
        Assert.False(restored.LearnedFromAuthenticatedActivity);
    }

    [Fact]
    public async Task Removed_reference_is_gone_for_every_instance()
    {
        var removed = Channel with { ConversationId = "19:removed@thread.v2" };
        var first = NewInstance();
        await first.SaveAsync(removed, CancellationToken.None);

        await first.RemoveAsync(removed.ConversationId, CancellationToken.None);

        Assert.Null(await first.GetAsync(removed.ConversationId, CancellationToken.None));
        Assert.Null(await NewInstance().GetAsync(removed.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task Changed_service_url_replaces_the_stored_reference()
    {
        var moved = Channel with { ConversationId = "19:moved@thread.v2" };
        var store = NewInstance();
        await store.SaveAsync(moved, CancellationToken.None);

        await store.SaveAsync(moved with { ServiceUrl = "https://smba.trafficmanager.net/de/" }, CancellationToken.None);

        var restored = await NewInstance().GetAsync(moved.ConversationId, CancellationToken.None);
        Assert.Equal("https://smba.trafficmanager.net/de/", restored?.ServiceUrl);
    }
}
