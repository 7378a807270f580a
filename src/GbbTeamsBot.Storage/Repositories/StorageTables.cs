using System.Collections.Concurrent;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>
/// The product's tables (names = prefix + purpose) and lazy creation: the first use of a table creates it if
/// missing, and a failure is not cached, so the next call tries again once storage is back. One
/// <see cref="TableClient"/> per table is kept for the life of the process (the SDK's clients are thread-safe).
/// </summary>
public sealed class StorageTables
{
    private readonly ConcurrentDictionary<string, CheckedTableClient> _ready = new(StringComparer.Ordinal);

    public StorageTables(TableServiceClient service, string prefix = "Gbb")
    {
        Service = service ?? throw new ArgumentNullException(nameof(service));
        ArgumentNullException.ThrowIfNull(prefix);
        Sessions = prefix + "Sessions";
        Agreements = prefix + "Agreements";
        Protocols = prefix + "Protocols";
        Consents = prefix + "Consents";
        ConversationReferences = prefix + "ConversationRefs";
        Deadlines = prefix + "Deadlines";
        Idempotency = prefix + "Idempotency";
        DeletionLog = prefix + "DeletionLog";
        Settings = prefix + "Settings";
        GraphWork = prefix + "GraphWork";
        Knowledge = prefix + "Knowledge";
        AllNames = [Sessions, Agreements, Protocols, Consents, ConversationReferences, Deadlines, Idempotency, DeletionLog, Settings, GraphWork, Knowledge];
        foreach (var name in AllNames)
        {
            TableLimits.ValidateTableName(name);
        }
    }

    public TableServiceClient Service { get; }

    public string Sessions { get; }

    public string Agreements { get; }

    public string Protocols { get; }

    public string Consents { get; }

    public string ConversationReferences { get; }

    public string Deadlines { get; }

    public string Idempotency { get; }

    public string DeletionLog { get; }

    /// <summary>Team settings: one row per tenant and team (see <see cref="TeamSettingsRepository"/>).</summary>
    public string Settings { get; }

    /// <summary>Durable Microsoft Graph work (events, Planner tasks, filed records; see <see cref="GraphWorkRepository"/>).</summary>
    public string GraphWork { get; }

    /// <summary>The teams' Sozialraumwissen (see <see cref="KnowledgeRepository"/>).</summary>
    public string Knowledge { get; }

    public IReadOnlyList<string> AllNames { get; }

    /// <summary>True once every table has been created (or found) by this process.</summary>
    public bool AllCreated => AllNames.All(_ready.ContainsKey);

    public async Task<CheckedTableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        if (_ready.TryGetValue(tableName, out var ready))
        {
            return ready;
        }

        TableLimits.ValidateTableName(tableName);
        var table = new CheckedTableClient(Service.GetTableClient(tableName));
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return _ready.GetOrAdd(tableName, table);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in AllNames)
        {
            await GetAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }
}
