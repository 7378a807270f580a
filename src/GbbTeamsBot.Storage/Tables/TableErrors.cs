using Azure;
using Azure.Data.Tables;
using Azure.Identity;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// The one mapping from what the SDK throws to the storage layer's typed errors, so callers never see SDK exceptions.
/// Messages name the status, the service's error code and the operation; never keys, values or addresses.
/// </summary>
internal static class TableErrors
{
    /// <summary>The typed error for <paramref name="exception"/>, or null when it is not a storage failure (e.g. the caller cancelled).</summary>
    public static TableStorageException? Map(Exception exception, string operation, CancellationToken cancellationToken)
    {
        var mapped = MapUncounted(exception, operation, cancellationToken);
        if (mapped is not null)
        {
            StorageTelemetry.Failed(operation, mapped.Status, mapped.ErrorCode);
        }

        return mapped;
    }

    private static TableStorageException? MapUncounted(Exception exception, string operation, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case AuthenticationFailedException or CredentialUnavailableException:
                return new TableStorageException(401, "AuthenticationFailed", $"No Entra ID token for Table storage could be obtained ({operation}).", null, exception);
            case TableTransactionFailedException failed when failed.Status != 0:
                return FromStatus(failed.Status, failed.ErrorCode, operation, failed.FailedTransactionActionIndex);
            case RequestFailedException failed when failed.Status != 0:
                return FromStatus(failed.Status, failed.ErrorCode, operation, null);
            case RequestFailedException or AggregateException or OperationCanceledException or IOException or HttpRequestException:
                // Status 0, retries exhausted (AggregateException) or the network timeout: the service was not reached.
                return new TableStorageUnavailableException($"Table storage could not be reached ({operation}).", exception);
            default:
                return null;
        }
    }

    private static TableStorageException FromStatus(int status, string? errorCode, string operation, int? index)
    {
        var text = $"Table storage answered {status} {errorCode ?? "(no code)"} to {operation}" + (index is null ? "." : $" (operation {index}).");
        return status switch
        {
            404 => new TableResourceNotFoundException(status, errorCode, text, index),
            409 => new TableConflictException(status, errorCode, text, index),
            412 => new TablePreconditionFailedException(status, errorCode, text, index),
            429 or 500 or 503 => new TableServiceBusyException(status, errorCode, text),
            _ => new TableStorageException(status, errorCode, text, index),
        };
    }
}
