using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Agreements;

/// <summary>A next step as entered: what, who, by when, optional goal level.</summary>
public sealed record AgreementDraft(
    string What,
    AgreementOwner? Owner,
    string? OwnerDetail,
    DateOnly? DueBy,
    GoalLevel? GoalLevel = null,
    string? OwnerUserId = null,
    string? OwnerObjectId = null)
{
    internal IReadOnlyList<TextInput> Texts =>
    [
        new("what", new("Was", "What"), What, TextRules.AgreementMaxLength),
        new("ownerDetail", new("Wer genau", "Who exactly"), OwnerDetail, TextRules.ShortTextMaxLength, Required: false),
    ];
}

/// <summary>
/// An agreed next step. Its status lives on across sessions: a later session for the same case reference starts
/// with the open agreements to review ("what became of them?").
/// </summary>
public sealed record Agreement
{
    /// <summary>Globally unique: "{sessionId}/a{n}".</summary>
    public required string Id { get; init; }

    public required string SourceSessionId { get; init; }

    public string? CaseReference { get; init; }

    public required string What { get; init; }

    public AgreementOwner? Owner { get; init; }

    /// <summary>E.g. the agency for a third party or the job-centre function; never the person's name.</summary>
    public string? OwnerDetail { get; init; }

    public DateOnly? DueBy { get; init; }

    public GoalLevel? GoalLevel { get; init; }

    public AgreementStatus Status { get; init; } = AgreementStatus.Open;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>The user id of whoever last changed the status (kept for the record; never shown in a protocol).</summary>
    public string? StatusChangedById { get; init; }

    /// <summary>"Nicht erledigt": the short reason (facts only).</summary>
    public string? StatusReason { get; init; }

    /// <summary>The team member responsible (user id), when a colleague owns it: reminders go to them.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>The responsible colleague's directory object id (as Teams reports it), for the task assignment in the team's plan.</summary>
    public string? OwnerObjectId { get; init; }

    /// <summary>The earlier agreement this one was carried over from ("übernehmen").</summary>
    public string? CarriedFromId { get; init; }

    /// <summary>Keys of the reminders already sent (see <see cref="AgreementReminder.Key"/>): each goes out once.</summary>
    public IReadOnlyList<string> RemindersSent { get; init; } = [];

    public bool KeptDespiteWarnings { get; init; }

    /// <summary>Hints shown where owner, date or agency are missing. They never block recording.</summary>
    public IReadOnlyList<AgreementHint> GetHints()
    {
        var hints = new List<AgreementHint>();
        if (Owner is null)
        {
            hints.Add(AgreementHint.MissingOwner);
        }

        if (DueBy is null)
        {
            hints.Add(AgreementHint.MissingDueDate);
        }

        if (Owner == AgreementOwner.ThirdParty && string.IsNullOrWhiteSpace(OwnerDetail))
        {
            hints.Add(AgreementHint.MissingAgency);
        }

        return hints;
    }
}
