using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>The Knowledge table on Azurite: atomic saves with the team's stamp, ETags on entries, team isolation.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KnowledgeRepositoryTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    [Fact]
    public async Task A_save_writes_the_entries_and_a_new_stamp_and_lists_them_per_team()
    {
        var repository = new KnowledgeRepository(Tables);
        Assert.Null(await repository.GetStampAsync(TeamA));
        var (stamp, etags) = await repository.SaveAsync(TeamA, [new("e1", "{\"title\":\"Tafel\"}", null), new("e2", "{\"title\":\"Café\"}", null)], null, Now);
        Assert.Equal(2, etags.Count);
        Assert.Equal(stamp.Value, (await repository.GetStampAsync(TeamA))!.Value);

        var listed = await repository.ListAsync(TeamA);
        Assert.Equal(["e1", "e2"], listed.Entries.Select(e => e.EntryId).Order());
        Assert.Equal(stamp.Value, listed.Stamp!.Value);

        // Another tenant with the same team id sees nothing.
        Assert.Empty((await repository.ListAsync(TeamB)).Entries);
        Assert.Null(await repository.GetAsync(TeamB, "e1"));
        Assert.Null(await repository.GetStampAsync(TeamB));
    }

    [Fact]
    public async Task A_save_on_an_old_stamp_or_an_old_etag_fails_as_a_whole()
    {
        var repository = new KnowledgeRepository(Tables);
        var (first, etags) = await repository.SaveAsync(TeamA, [new("e1", "{\"v\":1}", null)], null, Now);
        var (second, _) = await repository.SaveAsync(TeamA, [new("e1", "{\"v\":2}", etags[0])], first, Now);

        // Based on the first stamp (another instance saved in between): refused, nothing written.
        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => repository.SaveAsync(TeamA, [new("e2", "{\"v\":1}", null)], first, Now));
        Assert.Null(await repository.GetAsync(TeamA, "e2"));

        // The entry's old ETag: refused, the entry keeps its second version.
        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => repository.SaveAsync(TeamA, [new("e1", "{\"v\":3}", etags[0])], second, Now));
        Assert.Equal("{\"v\":2}", (await repository.GetAsync(TeamA, "e1"))!.PayloadJson);
        Assert.Equal(second.Value, (await repository.GetStampAsync(TeamA))!.Value);

        // A doubled insert of a new entry: refused.
        await Assert.ThrowsAnyAsync<TableStorageException>(() => repository.SaveAsync(TeamA, [new("e1", "{\"v\":9}", null)], second, Now));
        Assert.Equal("{\"v\":2}", (await repository.GetAsync(TeamA, "e1"))!.PayloadJson);
    }
}
