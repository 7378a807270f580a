using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ActivityClaimRepositoryTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    [Fact]
    public async Task Racing_deliveries_of_one_activity_get_exactly_one_claim()
    {
        var repository = new ActivityClaimRepository(Tables);
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => repository.TryClaimAsync("t", "msteams|c", "a1", Now, Lease, Retention)));

        Assert.Single(claims, c => c.State == ActivityClaimState.Claimed);
        Assert.All(claims.Where(c => c.State != ActivityClaimState.Claimed), c => Assert.Equal(ActivityClaimState.Pending, c.State));
    }

    [Fact]
    public async Task Done_is_a_repeat_forgotten_is_claimed_again_and_an_expired_lease_is_taken_over()
    {
        var repository = new ActivityClaimRepository(Tables);
        var done = await repository.TryClaimAsync("t", "c", "done", Now, Lease, Retention);
        Assert.True(await repository.CompleteAsync(done, Now, Retention));
        Assert.Equal(ActivityClaimState.Done, (await repository.TryClaimAsync("t", "c", "done", Now.AddMinutes(5), Lease, Retention)).State);

        var failed = await repository.TryClaimAsync("t", "c", "failed", Now, Lease, Retention);
        Assert.True(await repository.ForgetAsync(failed));
        Assert.Equal(ActivityClaimState.Claimed, (await repository.TryClaimAsync("t", "c", "failed", Now, Lease, Retention)).State);

        var crashed = await repository.TryClaimAsync("t", "c", "crashed", Now, Lease, Retention);
        Assert.Equal(ActivityClaimState.Pending, (await repository.TryClaimAsync("t", "c", "crashed", Now.AddSeconds(59), Lease, Retention)).State);
        var takeover = await repository.TryClaimAsync("t", "c", "crashed", Now.AddSeconds(61), Lease, Retention);
        Assert.Equal(ActivityClaimState.Claimed, takeover.State);

        // The crashed holder's late calls cannot touch the new holder's row.
        Assert.False(await repository.CompleteAsync(crashed, Now.AddSeconds(62), Retention));
        Assert.False(await repository.ForgetAsync(crashed));
        Assert.Equal("pending", await repository.GetStatusAsync("t", "c", "crashed"));
    }

    [Fact]
    public async Task Overlong_ids_from_the_wire_are_keyed_by_hash_and_stay_apart()
    {
        var repository = new ActivityClaimRepository(Tables);
        var longConversation = new string('x', 5_000);

        Assert.Equal(ActivityClaimState.Claimed, (await repository.TryClaimAsync("t", longConversation, new string('a', 2_000), Now, Lease, Retention)).State);
        Assert.Equal(ActivityClaimState.Claimed, (await repository.TryClaimAsync("t", longConversation, new string('a', 1_999), Now, Lease, Retention)).State);
    }
}
