namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// A failed Table storage call. <see cref="Status"/> and <see cref="ErrorCode"/> come from the service;
/// <see cref="FailedOperationIndex"/> is set for entity group transactions. Messages carry no keys or values.
/// </summary>
public class TableStorageException : Exception
{
    public TableStorageException(string message) : base(message) { }

    public TableStorageException(string message, Exception innerException) : base(message, innerException) { }

    public TableStorageException(int status, string? errorCode, string message, int? failedOperationIndex = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        FailedOperationIndex = failedOperationIndex;
    }

    public TableStorageException() { }

    /// <summary>HTTP status; 0 when the service could not be reached.</summary>
    public int Status { get; }

    /// <summary>The service's error code, e.g. ResourceNotFound, EntityAlreadyExists, UpdateConditionNotSatisfied.</summary>
    public string? ErrorCode { get; }

    /// <summary>0-based index of the failing operation in an entity group transaction, when the service reported it.</summary>
    public int? FailedOperationIndex { get; }
}

/// <summary>404: the entity (ResourceNotFound) or the table (TableNotFound) does not exist.</summary>
public sealed class TableResourceNotFoundException : TableStorageException
{
    public TableResourceNotFoundException(int status, string? errorCode, string message, int? failedOperationIndex = null)
        : base(status, errorCode, message, failedOperationIndex) { }

    public TableResourceNotFoundException() { }

    public TableResourceNotFoundException(string message) : base(message) { }

    public TableResourceNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>409: the entity or table already exists (or another conflict the service reports).</summary>
public sealed class TableConflictException : TableStorageException
{
    public TableConflictException(int status, string? errorCode, string message, int? failedOperationIndex = null)
        : base(status, errorCode, message, failedOperationIndex) { }

    public TableConflictException() { }

    public TableConflictException(string message) : base(message) { }

    public TableConflictException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>412: the ETag in If-Match no longer matches; someone else saved first. Reload and decide again.</summary>
public sealed class TablePreconditionFailedException : TableStorageException
{
    public TablePreconditionFailedException(int status, string? errorCode, string message, int? failedOperationIndex = null)
        : base(status, errorCode, message, failedOperationIndex) { }

    public TablePreconditionFailedException() { }

    public TablePreconditionFailedException(string message) : base(message) { }

    public TablePreconditionFailedException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The service stayed throttled or busy (429/500/503) after all retries.</summary>
public sealed class TableServiceBusyException : TableStorageException
{
    public TableServiceBusyException(int status, string? errorCode, string message)
        : base(status, errorCode, message) { }

    public TableServiceBusyException() { }

    public TableServiceBusyException(string message) : base(message) { }

    public TableServiceBusyException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The service could not be reached (connection refused, timeout) after all retries.</summary>
public sealed class TableStorageUnavailableException : TableStorageException
{
    public TableStorageUnavailableException(string message, Exception innerException) : base(0, null, message, null, innerException) { }

    public TableStorageUnavailableException() { }

    public TableStorageUnavailableException(string message) : base(message) { }
}

/// <summary>An entity, key, filter value or batch breaks a Table storage limit; nothing was sent.</summary>
public sealed class TableEntityValidationException : ArgumentException
{
    public TableEntityValidationException(string message) : base(message) { }

    public TableEntityValidationException() { }

    public TableEntityValidationException(string message, Exception innerException) : base(message, innerException) { }
}
