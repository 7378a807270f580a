using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TenantIsolationTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    [Fact]
    public async Task Data_written_for_tenant_a_is_unreachable_through_tenant_b()
    {
        var sessions = new SessionRepository(Tables);
        var agreements = new AgreementRepository(Tables);
        var protocols = new ProtocolRepository(Tables);
        var consents = new ConsentRepository(Tables);
        var references = new ConversationReferenceRepository(Tables);
        var idempotency = new IdempotencyRepository(Tables);
        await sessions.CreateAsync(TeamA, Session("s1"), [Contribution("s1", "c1")]);
        await agreements.InsertAsync(TeamA, new AgreementRecord("FALL-0815", "a1", "s1", "open", "{}", null, Now));
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s1", 1, "FALL-0815", "# Protokoll", Now));
        await consents.RecordAsync(TeamA, new ConsentRecord("s1", "protocol", "user-1", true, Now, "v1"));
        await references.SaveAsync(TeamA, new ConversationReferenceRecord("19:conv", "https://smba.trafficmanager.net/emea/", "28:bot", "GBB", "19:channel", "channel", Now));
        await idempotency.TryRegisterAsync(TeamA, "activity", "act-1", Now, TimeSpan.FromHours(1));

        Assert.Null(await sessions.GetAsync(TeamB, "s1"));
        Assert.Empty(await sessions.ListAsync(TeamB));
        Assert.Empty(await sessions.GetContributionsAsync(TeamB, "s1"));
        Assert.Empty(await sessions.ListByCaseReferenceAsync(TeamB, "FALL-0815"));
        Assert.Null(await agreements.GetAsync(TeamB, "FALL-0815", "a1"));
        Assert.Empty(await agreements.ListForTeamAsync(TeamB));
        Assert.Empty(await agreements.ListForCaseAsync(TeamB, "FALL-0815"));
        Assert.Null(await protocols.GetLatestAsync(TeamB, "s1"));
        Assert.Empty(await protocols.ListVersionsAsync(TeamB, "s1"));
        Assert.Null(await consents.GetAsync(TeamB, "s1", "protocol", "user-1"));
        Assert.Empty(await consents.ListForSubjectAsync(TeamB, "s1"));
        Assert.Null(await references.GetAsync(TeamB, "19:conv"));
        Assert.Empty(await references.ListAsync(TeamB));
        Assert.True(await idempotency.TryRegisterAsync(TeamB, "activity", "act-1", Now, TimeSpan.FromHours(1)));

        // Deletions through tenant B touch nothing of tenant A.
        var retention = new StorageRetention(sessions, protocols, agreements, consents);
        Assert.Equal(0, (await retention.DeleteCaseReferenceAsync(TeamB, "FALL-0815")).Total);
        Assert.NotNull(await sessions.GetAsync(TeamA, "s1"));
        Assert.NotNull(await agreements.GetAsync(TeamA, "FALL-0815", "a1"));
        Assert.NotNull(await protocols.GetLatestAsync(TeamA, "s1"));
        Assert.False(await idempotency.TryRegisterAsync(TeamA, "activity", "act-1", Now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task Ids_containing_the_separator_cannot_reach_another_scope()
    {
        var sessions = new SessionRepository(Tables);
        var tricky = new TeamScope("tenant", "team|x");
        var other = new TeamScope("tenant|team", "x");
        await sessions.CreateAsync(tricky, Session("s1"));

        Assert.NotEqual(tricky.PartitionKey, other.PartitionKey);
        Assert.Null(await sessions.GetAsync(other, "s1"));
        Assert.Empty(await sessions.ListAsync(other));
    }

    [Fact]
    public async Task Another_team_of_the_same_tenant_is_isolated_too()
    {
        var sessions = new SessionRepository(Tables);
        var teamA2 = new TeamScope(TeamA.TenantId, "19:other-team@thread.tacv2");
        await sessions.CreateAsync(TeamA, Session("s1"));

        Assert.Null(await sessions.GetAsync(teamA2, "s1"));
        Assert.Empty(await sessions.ListAsync(teamA2));
    }

    [Theory]
    [InlineData("", "team")]
    [InlineData("tenant", " ")]
    public void An_empty_tenant_or_team_is_refused(string tenant, string team)
    {
        Assert.Throws<ArgumentException>(() => new TeamScope(tenant, team));
    }

    [Fact]
    public void Key_encoding_is_reversible_and_keeps_keys_free_of_forbidden_characters()
    {
        const string id = "a:1/2#3?4\\5|6~ä😀 'x'";

        var encoded = KeyCodec.Encode(id);

        Assert.Equal(id, KeyCodec.Decode(encoded));
        Assert.DoesNotContain(encoded, c => c is '/' or '\\' or '#' or '?' or '|' or ' ' or '\'' || c > 127);
    }
}
