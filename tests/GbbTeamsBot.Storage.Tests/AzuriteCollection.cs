using Azure;
using Azure.Data.Tables;
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

    public static async Task<CheckedTableClient> CreateAsync(AzuriteFixture azurite, string prefix = "t")
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var table = new CheckedTableClient(service.GetTableClient(UniqueName(prefix)));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}

/// <summary>Short names for the SDK's transaction actions in tests.</summary>
internal static class Tx
{
    public static TableTransactionAction Insert(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    public static TableTransactionAction UpsertReplace(TableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

    public static TableTransactionAction UpsertMerge(TableEntity entity) => new(TableTransactionActionType.UpsertMerge, entity);

    public static TableTransactionAction UpdateReplace(TableEntity entity, ETag ifMatch) => new(TableTransactionActionType.UpdateReplace, entity, ifMatch);

    public static TableTransactionAction Delete(string partitionKey, string rowKey, ETag ifMatch) => new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
}
