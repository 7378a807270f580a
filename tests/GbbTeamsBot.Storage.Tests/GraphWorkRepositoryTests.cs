using Azure;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>The durable Graph work rows: one row per piece of work, If-Match on every change, per team, deletable per session.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GraphWorkRepositoryTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    private static GraphWorkRecord Work(string kind, string key, string state = GraphWorkRepository.Pending) =>
        new(kind, key, state, 0, Now, null, null, null, "{}", null, Now);

    [Fact]
    public async Task The_same_work_is_stored_once_and_a_stale_update_is_refused()
    {
        var repository = new GraphWorkRepository(Tables);
        await repository.InsertAsync(TeamA, Work("task", "s1/a1"));
        await Assert.ThrowsAsync<TableConflictException>(() => repository.InsertAsync(TeamA, Work("task", "s1/a1")));

        var stored = (await repository.GetAsync(TeamA, "task", "s1/a1"))!;
        var updated = await repository.UpdateAsync(TeamA, stored.Work with { Attempts = 1, RemoteId = "task-1" }, stored.ETag);
        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => repository.UpdateAsync(TeamA, stored.Work with { Attempts = 2 }, stored.ETag));
        Assert.NotEqual(default(ETag), updated);
        Assert.Equal("task-1", (await repository.GetAsync(TeamA, "task", "s1/a1"))!.Work.RemoteId);
    }

    [Fact]
    public async Task Rows_stay_in_their_team_and_deleting_a_session_removes_only_its_rows()
    {
        var repository = new GraphWorkRepository(Tables);
        await repository.InsertAsync(TeamA, Work("task", "s1/a1"));
        await repository.InsertAsync(TeamA, Work("event", "s1/req-1"));
        await repository.InsertAsync(TeamA, Work("file", "s1"));
        await repository.InsertAsync(TeamA, Work("file", "s10"));
        await repository.InsertAsync(TeamB, Work("task", "s1/a1"));

        Assert.Single(await repository.ListForTeamAsync(TeamA, "task"));
        Assert.Equal(2, (await repository.ListForTeamAsync(TeamA, "file")).Count);
        Assert.Equal(3, await repository.DeleteForSessionAsync(TeamA, "s1"));

        Assert.Empty(await repository.ListForTeamAsync(TeamA, "task"));
        Assert.Equal("s10", Assert.Single(await repository.ListForTeamAsync(TeamA, "file")).Work.Key);
        Assert.Single(await repository.ListForTeamAsync(TeamB, "task"));
    }
}
