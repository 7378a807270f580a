using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>
/// What the bot needs to message a conversation proactively. The scope is the partition; <see cref="TenantId"/> and
/// <see cref="TeamId"/> repeat the conversation's own tenant and team for stores whose scope is not the team.
/// </summary>
public sealed record ConversationReferenceRecord(
    string ConversationId,
    string ServiceUrl,
    string BotId,
    string? BotName,
    string? ChannelId,
    string? ConversationType,
    DateTimeOffset UpdatedAt,
    string? TenantId = null,
    string? TeamId = null,
    string BotChannel = "msteams",
    bool LearnedFromAuthenticatedActivity = false);

/// <summary>
/// Conversation references in the team's partition, RK "{conversationId}". Saving replaces unconditionally on
/// purpose: the newest reference (e.g. a changed service URL) is always the right one.
/// </summary>
public sealed class ConversationReferenceRepository(StorageTables tables)
{
    public async Task SaveAsync(TeamScope scope, ConversationReferenceRecord reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reference);
        if (!Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("ServiceUrl must be an absolute http(s) address.", nameof(reference));
        }

        var entity = new TableEntity(scope.PartitionKey, RowKey(reference.ConversationId))
        {
            ["TenantId"] = scope.TenantId,
            ["TeamId"] = scope.TeamId,
            ["ConversationId"] = reference.ConversationId,
            ["ServiceUrl"] = reference.ServiceUrl,
            ["BotId"] = Ids.Require(reference.BotId, nameof(reference.BotId)),
            ["BotName"] = reference.BotName,
            ["ChannelId"] = reference.ChannelId,
            ["ConversationType"] = reference.ConversationType,
            ["UpdatedAt"] = reference.UpdatedAt,
            ["ConversationTenantId"] = reference.TenantId,
            ["ConversationTeamId"] = reference.TeamId,
            ["BotChannel"] = reference.BotChannel,
            ["Authenticated"] = reference.LearnedFromAuthenticatedActivity,
        };
        var table = await tables.GetAsync(tables.ConversationReferences, cancellationToken).ConfigureAwait(false);
        await table.UpsertReplaceAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationReferenceRecord?> GetAsync(TeamScope scope, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.ConversationReferences, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RowKey(conversationId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<ConversationReferenceRecord>> ListAsync(TeamScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.ConversationReferences, cancellationToken).ConfigureAwait(false);
        var result = new List<ConversationReferenceRecord>();
        await foreach (var entity in table.QueryAsync(KeyFilters.PartitionKeyEquals(scope.PartitionKey), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return result;
    }

    public async Task DeleteAsync(TeamScope scope, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.ConversationReferences, cancellationToken).ConfigureAwait(false);
        await RowDeletion.DeleteAsync(table, scope.PartitionKey, [RowKey(conversationId)], cancellationToken).ConfigureAwait(false);
    }

    private static string RowKey(string conversationId) => KeyCodec.Encode(Ids.Require(conversationId, nameof(conversationId), 512));

    private static ConversationReferenceRecord FromEntity(TableEntity entity) => new(
        entity.GetString("ConversationId")!,
        entity.GetString("ServiceUrl")!,
        entity.GetString("BotId")!,
        entity.GetString("BotName"),
        entity.GetString("ChannelId"),
        entity.GetString("ConversationType"),
        entity.GetDateTimeOffset("UpdatedAt")!.Value,
        entity.GetString("ConversationTenantId"),
        entity.GetString("ConversationTeamId"),
        entity.GetString("BotChannel") ?? "msteams",
        entity.GetBoolean("Authenticated") ?? false);
}
