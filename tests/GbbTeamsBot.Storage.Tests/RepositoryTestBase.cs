using GbbTeamsBot.Storage.Repositories;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>Repositories over their own freshly prefixed tables in the shared Azurite.</summary>
public abstract class RepositoryTestBase(AzuriteFixture azurite)
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 42, 0, TimeSpan.Zero);

    protected static readonly TeamScope TeamA = new("tenant-a", "19:team-a@thread.tacv2");

    protected static readonly TeamScope TeamB = new("tenant-b", "19:team-a@thread.tacv2");

    protected StorageTables Tables { get; } = new(new TableServiceClient(azurite.ConnectionString), "T" + Guid.NewGuid().ToString("N")[..10]);

    protected static SessionRecord Session(string id, long version = 1, string status = "running", string? caseReference = "FALL-0815", string snapshot = "{\"phase\":\"intro\"}") =>
        new(id, version, status, caseReference, snapshot, Now);

    protected static ContributionRecord Contribution(string sessionId, string id, string payload = "{\"text\":\"Idee\"}") =>
        new(sessionId, id, "idea", "aad-user-1", payload, Now);
}
