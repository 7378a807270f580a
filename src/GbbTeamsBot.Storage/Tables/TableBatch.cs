using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace GbbTeamsBot.Storage.Tables;

public enum TableTransactionActionType
{
    Insert,
    UpsertReplace,
    UpsertMerge,
    UpdateReplace,
    UpdateMerge,
    Delete,
}

/// <summary>One operation of an entity group transaction. Update/Delete need an ETag (ETag.All = unconditional).</summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default)
{
    public static TableTransactionAction Insert(TableEntity entity) => new(TableTransactionActionType.Insert, entity);

    public static TableTransactionAction UpsertReplace(TableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

    public static TableTransactionAction UpsertMerge(TableEntity entity) => new(TableTransactionActionType.UpsertMerge, entity);

    public static TableTransactionAction UpdateReplace(TableEntity entity, ETag ifMatch) => new(TableTransactionActionType.UpdateReplace, entity, ifMatch);

    public static TableTransactionAction UpdateMerge(TableEntity entity, ETag ifMatch) => new(TableTransactionActionType.UpdateMerge, entity, ifMatch);

    public static TableTransactionAction Delete(string partitionKey, string rowKey, ETag ifMatch) => new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
}

/// <summary>The outcome of one operation in a committed transaction.</summary>
public sealed record TableTransactionResult(int Status, ETag ETag);

/// <summary>Builds the multipart/mixed $batch body and reads the changeset response.</summary>
internal static partial class TableBatch
{
    public static async Task<IReadOnlyList<TableTransactionResult>> SubmitAsync(TableServiceClient service, TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var body = BuildBody(service, table, actions, out var batchBoundary);
        using var message = service.CreateMessage(RequestMethod.Post, new Uri(service.BaseAddress + "/$batch"));
        message.Request.Headers.SetValue("Content-Type", "multipart/mixed; boundary=" + batchBoundary);
        message.Request.Content = RequestContent.Create(body);
        var response = await service.SendAsync(message, "batch", cancellationToken).ConfigureAwait(false);
        var parts = ParseResponse(TableServiceClient.ReadBody(response));
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            var index = ParseFailedIndex(failed.Body) ?? (parts.Count == actions.Count ? parts.IndexOf(failed) : null);
            throw TableServiceClient.CreateException(failed.Status, null, failed.Body, "batch", index);
        }

        if (parts.Count != actions.Count)
        {
            throw new TableStorageException(response.Status, null, $"Table storage answered the batch with {parts.Count} results for {actions.Count} operations.");
        }

        return parts.Select(p => new TableTransactionResult(p.Status, p.ETag)).ToArray();
    }

    internal static byte[] BuildBody(TableServiceClient service, TableClient table, IReadOnlyList<TableTransactionAction> actions, out string batchBoundary)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > TableLimits.MaxBatchOperations)
        {
            throw new TableEntityValidationException($"A batch holds 1 to {TableLimits.MaxBatchOperations} operations; this one has {actions.Count}.");
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new TableEntityValidationException("All operations of a batch must share one PartitionKey.");
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new TableEntityValidationException("An entity may appear only once in a batch.");
            }
        }

        batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        using var stream = new MemoryStream();
        void Write(string text) => stream.Write(Encoding.UTF8.GetBytes(text));

        Write($"--{batchBoundary}\r\nContent-Type: multipart/mixed; boundary={changesetBoundary}\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, uri, hasBody, needsETag) = action.ActionType switch
            {
                TableTransactionActionType.Insert => ("POST", table.TableUri.AbsoluteUri, true, false),
                TableTransactionActionType.UpsertReplace => ("PUT", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, true, false),
                TableTransactionActionType.UpsertMerge => ("MERGE", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, true, false),
                TableTransactionActionType.UpdateReplace => ("PUT", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, true, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, true, true),
                TableTransactionActionType.Delete => ("DELETE", table.EntityUri(entity.PartitionKey, entity.RowKey).AbsoluteUri, false, true),
                _ => throw new TableEntityValidationException("Unknown batch operation."),
            };

            if (hasBody)
            {
                TableLimits.ValidateEntity(entity);
            }

            Write($"--{changesetBoundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            Write($"{method} {uri} HTTP/1.1\r\nAccept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n");
            if (needsETag)
            {
                Write($"If-Match: {TableClient.RequireETag(action.ETag)}\r\n");
            }

            if (hasBody)
            {
                Write("Content-Type: application/json\r\n");
                if (action.ActionType == TableTransactionActionType.Insert)
                {
                    Write("Prefer: return-no-content\r\n");
                }

                Write("\r\n");
                stream.Write(TableEntityJson.Serialize(entity));
                Write("\r\n");
            }
            else
            {
                Write("\r\n");
            }
        }

        Write($"--{changesetBoundary}--\r\n--{batchBoundary}--\r\n");
        if (stream.Length > TableLimits.MaxBatchPayloadBytes)
        {
            throw new TableEntityValidationException($"The batch payload is {stream.Length} bytes; at most {TableLimits.MaxBatchPayloadBytes} (4 MiB) are allowed.");
        }

        _ = service;
        return stream.ToArray();
    }

    internal sealed record Part(int Status, ETag ETag, string Body);

    /// <summary>Reads every "HTTP/1.1 NNN" part with its ETag and body; lenient about CRLF vs LF.</summary>
    internal static List<Part> ParseResponse(string body)
    {
        var parts = new List<Part>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var statusMatch = StatusLine().Match(lines[i]);
            if (!statusMatch.Success)
            {
                continue;
            }

            var status = int.Parse(statusMatch.Groups["status"].Value, CultureInfo.InvariantCulture);
            ETag etag = default;
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && lines[i][..colon].Trim().Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = new ETag(lines[i][(colon + 1)..].Trim());
                }
            }

            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Append(lines[i]).Append('\n');
            }

            i--;
            parts.Add(new Part(status, etag, content.ToString().Trim()));
        }

        return parts;
    }

    internal static int? ParseFailedIndex(string body)
    {
        var (_, message) = TableServiceClient.ParseError(body);
        var match = IndexPrefix().Match(message ?? body);
        return match.Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?:""value"":"")?(?<index>\d+):")]
    private static partial Regex IndexPrefix();
}
