using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>One real Azurite (in memory, free port) shared by the integration test classes; each test uses its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

internal static class TestTables
{
    public static string UniqueName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..16];

    public static async Task<TableClient> CreateAsync(AzuriteFixture azurite, string prefix = "t")
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var table = service.GetTableClient(UniqueName(prefix));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
