using System.Globalization;
using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.DataProtection;

/// <summary>
/// How long a team keeps what its sessions produced. A session ended (completed or cancelled) longer ago than
/// <see cref="CompletedSessionMonths"/> goes with its contributions, protocol versions, agreements and consents.
/// </summary>
public sealed record RetentionPolicy(int CompletedSessionMonths)
{
    public const int DefaultCompletedSessionMonths = 24;
    public const int MinMonths = 1;
    public const int MaxMonths = 120;

    public static RetentionPolicy Default { get; } = new(DefaultCompletedSessionMonths);

    /// <summary>A policy within the allowed range, or a rejection naming it.</summary>
    public static Outcome<RetentionPolicy> Create(int completedSessionMonths) =>
        completedSessionMonths is < MinMonths or > MaxMonths
            ? new Rejection(RejectionCode.InvalidRetention, new(
                string.Create(CultureInfo.InvariantCulture, $"Die Aufbewahrungsfrist muss zwischen {MinMonths} und {MaxMonths} Monaten liegen."),
                string.Create(CultureInfo.InvariantCulture, $"The retention period must be between {MinMonths} and {MaxMonths} months.")))
            : Outcome<RetentionPolicy>.Success(new RetentionPolicy(completedSessionMonths));

    /// <summary>Sessions that ended before this moment are due for deletion.</summary>
    public DateTimeOffset EndedSessionCutoff(DateTimeOffset now) => now.AddMonths(-CompletedSessionMonths);
}
