using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class SessionRepositoryTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    [Fact]
    public async Task Created_session_and_contributions_read_back_unchanged()
    {
        var repository = new SessionRepository(Tables);
        var etag = await repository.CreateAsync(TeamA, Session("s1"), [Contribution("s1", "c1"), Contribution("s1", "c2", "{\"text\":\"Zweite Idee – äöü\"}")]);

        var stored = await repository.GetAsync(TeamA, "s1");
        var contributions = await repository.GetContributionsAsync(TeamA, "s1");

        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal(Session("s1"), stored.Session);
        Assert.Equal([Contribution("s1", "c1"), Contribution("s1", "c2", "{\"text\":\"Zweite Idee – äöü\"}")], contributions);
    }

    [Fact]
    public async Task Creating_an_existing_session_is_a_conflict_and_keeps_the_original()
    {
        var repository = new SessionRepository(Tables);
        await repository.CreateAsync(TeamA, Session("s1", snapshot: "{\"v\":1}"));

        await Assert.ThrowsAsync<TableConflictException>(() => repository.CreateAsync(TeamA, Session("s1", snapshot: "{\"v\":2}")));

        Assert.Equal("{\"v\":1}", (await repository.GetAsync(TeamA, "s1"))!.Session.SnapshotJson);
    }

    [Fact]
    public async Task Two_saves_from_the_same_read_exactly_one_wins_and_the_loser_stores_nothing()
    {
        var repository = new SessionRepository(Tables);
        var etag = await repository.CreateAsync(TeamA, Session("s1"));

        var saves = new[] { "alice", "bob" }.Select(async writer =>
        {
            try
            {
                await repository.SaveAsync(TeamA, Session("s1", 2, snapshot: $"{{\"by\":\"{writer}\"}}"), etag, [Contribution("s1", $"c-{writer}")]);
                return writer;
            }
            catch (TablePreconditionFailedException)
            {
                return null;
            }
        });
        var outcomes = await Task.WhenAll(saves);

        var winner = Assert.Single(outcomes, o => o is not null)!;
        Assert.Single(outcomes, o => o is null);
        var stored = (await repository.GetAsync(TeamA, "s1"))!;
        var contributions = await repository.GetContributionsAsync(TeamA, "s1");
        Assert.Equal($"{{\"by\":\"{winner}\"}}", stored.Session.SnapshotJson);
        Assert.Equal(2, stored.Session.Version);
        Assert.Equal([$"c-{winner}"], contributions.Select(c => c.ContributionId));
    }

    [Fact]
    public async Task Save_with_the_current_etag_succeeds_and_returns_a_new_etag()
    {
        var repository = new SessionRepository(Tables);
        var first = await repository.CreateAsync(TeamA, Session("s1"));
        var second = await repository.SaveAsync(TeamA, Session("s1", 2, status: "closed"), first);
        var third = await repository.SaveAsync(TeamA, Session("s1", 3, status: "closed"), second);

        Assert.NotEqual(first, second);
        Assert.NotEqual(second, third);
        Assert.Equal(3, (await repository.GetAsync(TeamA, "s1"))!.Session.Version);
        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => repository.SaveAsync(TeamA, Session("s1", 4), second));
    }

    [Fact]
    public async Task Save_without_an_etag_is_refused()
    {
        var repository = new SessionRepository(Tables);

        await Assert.ThrowsAsync<ArgumentException>(() => repository.SaveAsync(TeamA, Session("s1"), Azure.ETag.All));
        await Assert.ThrowsAsync<ArgumentException>(() => repository.SaveAsync(TeamA, Session("s1"), default));
    }

    [Fact]
    public async Task A_snapshot_larger_than_one_string_property_is_split_and_joined_again()
    {
        var repository = new SessionRepository(Tables);
        var big = "{\"text\":\"" + string.Concat(Enumerable.Range(0, 200_000).Select(i => i % 7 == 0 ? "😀" : "ä")) + "\"}";

        var etag = await repository.CreateAsync(TeamA, Session("s-big", snapshot: big));
        var stored = await repository.GetAsync(TeamA, "s-big");

        Assert.True(big.Length > TableLimits.MaxStringLength * 5);
        Assert.Equal(big, stored!.Session.SnapshotJson);
        Assert.Equal(etag, stored.ETag);
    }

    [Fact]
    public async Task A_snapshot_too_large_for_one_row_is_refused_before_sending()
    {
        var repository = new SessionRepository(Tables);
        var tooBig = new string('x', 16 * TableLimits.MaxStringLength);

        await Assert.ThrowsAsync<TableEntityValidationException>(() => repository.CreateAsync(TeamA, Session("s1", snapshot: tooBig)));

        Assert.Null(await repository.GetAsync(TeamA, "s1"));
    }

    [Fact]
    public async Task List_returns_the_teams_sessions_without_contributions_and_filters_by_status()
    {
        var repository = new SessionRepository(Tables);
        await repository.CreateAsync(TeamA, Session("s1", status: "running"), [Contribution("s1", "c1")]);
        await repository.CreateAsync(TeamA, Session("s2", status: "closed"));
        await repository.CreateAsync(TeamA, Session("s3", status: "running", caseReference: "FALL-4711"));

        var all = await repository.ListAsync(TeamA);
        var running = await repository.ListAsync(TeamA, "running");
        var byCase = await repository.ListByCaseReferenceAsync(TeamA, "FALL-4711");

        Assert.Equal(["s1", "s2", "s3"], all.Select(s => s.SessionId));
        Assert.Equal(["s1", "s3"], running.Select(s => s.SessionId));
        Assert.Equal("s3", Assert.Single(byCase).SessionId);
    }

    [Fact]
    public async Task Delete_session_removes_the_session_and_its_contributions_only()
    {
        var repository = new SessionRepository(Tables);
        await repository.CreateAsync(TeamA, Session("s1"), [Contribution("s1", "c1"), Contribution("s1", "c2")]);
        await repository.CreateAsync(TeamA, Session("s10"), [Contribution("s10", "c1")]);

        var deleted = await repository.DeleteSessionAsync(TeamA, "s1");

        Assert.Equal(3, deleted);
        Assert.Null(await repository.GetAsync(TeamA, "s1"));
        Assert.Empty(await repository.GetContributionsAsync(TeamA, "s1"));
        Assert.NotNull(await repository.GetAsync(TeamA, "s10"));
        Assert.Single(await repository.GetContributionsAsync(TeamA, "s10"));
    }

    [Fact]
    public async Task Contributions_of_another_session_or_too_many_are_refused()
    {
        var repository = new SessionRepository(Tables);

        await Assert.ThrowsAsync<ArgumentException>(() => repository.CreateAsync(TeamA, Session("s1"), [Contribution("s2", "c1")]));
        await Assert.ThrowsAsync<ArgumentException>(() => repository.CreateAsync(TeamA, Session("s1"), Enumerable.Range(0, 100).Select(i => Contribution("s1", $"c{i}")).ToArray()));

        Assert.Null(await repository.GetAsync(TeamA, "s1"));
    }
}
