namespace GbbTeamsBot.Domain.Common;

/// <summary>Either a value or a typed rejection; used by factories that validate input.</summary>
public sealed class Outcome<T>
    where T : class
{
    private Outcome(T? value, Rejection? rejection)
    {
        Value = value;
        Rejection = rejection;
    }

    public T? Value { get; }

    public Rejection? Rejection { get; }

    public bool IsSuccess => Rejection is null;

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Failure(Rejection rejection) => new(null, rejection);

    public static implicit operator Outcome<T>(Rejection rejection) => Failure(rejection);

    /// <summary>The value, or an exception for callers that have already checked <see cref="IsSuccess"/>.</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException($"Outcome was rejected: {Rejection?.Code}");
}
