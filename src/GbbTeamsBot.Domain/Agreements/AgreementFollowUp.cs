using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Agreements;

/// <summary>
/// The rules of following agreements up between meetings ("Wer macht was bis wann" is reviewed next time): which
/// earlier agreements a new session of the case reviews, who may change a status, and that a status never goes back
/// to an older one, whoever saves last.
/// </summary>
public static class AgreementFollowUp
{
    /// <summary>Statuses that still need someone to act (listed, reminded, reviewed).</summary>
    public static bool IsOpen(AgreementStatus status) => status is AgreementStatus.Open or AgreementStatus.PartlyDone or AgreementStatus.NotDone;

    /// <summary>Statuses a review in a session or a reminder may set.</summary>
    public static bool IsReviewStatus(AgreementStatus status) => status is AgreementStatus.Done or AgreementStatus.PartlyDone
        or AgreementStatus.NotDone or AgreementStatus.Dropped or AgreementStatus.CarriedOver or AgreementStatus.Open;

    /// <summary>
    /// The earlier agreements of one case a new session starts with: everything still open, and all agreements of the
    /// latest session that made any, whatever became of them (so the team sees what was done since last time).
    /// Agreements carried over into a later session are represented by their copy. Oldest first, at most
    /// <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<Agreement> ForReview(IEnumerable<Agreement> caseAgreements, int max)
    {
        ArgumentNullException.ThrowIfNull(caseAgreements);
        var all = caseAgreements.ToList();
        var latestSession = all.OrderByDescending(a => a.CreatedAt).FirstOrDefault()?.SourceSessionId;
        return all
            .Where(a => IsOpen(a.Status) || (a.SourceSessionId == latestSession && a.Status != AgreementStatus.CarriedOver))
            .OrderBy(a => a.CreatedAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .TakeLast(max)
            .ToList();
    }

    /// <summary>
    /// Who may change an agreement's status outside the session that made it: the colleague it is assigned to, or a
    /// member of the team who held a role in one of the case's sessions (<paramref name="caseRoleHolders"/>).
    /// Team membership itself is given by where the request comes from (the team's own conversation).
    /// </summary>
    public static Rejection? MayChangeStatus(string actorId, Agreement agreement, IEnumerable<string> caseRoleHolders)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(caseRoleHolders);
        if (!string.IsNullOrEmpty(actorId)
            && (string.Equals(actorId, agreement.OwnerUserId, StringComparison.Ordinal) || caseRoleHolders.Contains(actorId, StringComparer.Ordinal)))
        {
            return null;
        }

        return new Rejection(RejectionCode.RoleNotPermitted, new Bilingual(
            "Den Stand dieser Vereinbarung können nur Verantwortliche und Beteiligte der Beratungen zu diesem Fall ändern. Es wurde nichts geändert.",
            "Only the person responsible and those with a role in this case's sessions can change this agreement's status. Nothing was changed."));
    }

    /// <summary>The reason for "nicht erledigt": required, short, checked for personal data like every text.</summary>
    public static Rejection? ValidateReason(AgreementStatus status, string? reason, bool confirmedDespiteWarnings)
    {
        if (status != AgreementStatus.NotDone)
        {
            return null;
        }

        return TextRules.Validate(
            [new TextInput("reason", new("Grund (nur Fakten)", "Reason (facts only)"), reason, TextRules.ShortTextMaxLength)],
            confirmedDespiteWarnings);
    }

    /// <summary>
    /// The agreement with <paramref name="status"/>, stamped with who set it and when. The reason is kept only for
    /// "nicht erledigt".
    /// </summary>
    public static Agreement WithStatus(Agreement agreement, AgreementStatus status, string actorId, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement with
        {
            Status = status,
            StatusChangedAt = now,
            StatusChangedById = actorId,
            StatusReason = status == AgreementStatus.NotDone ? TextRules.Clean(reason) : null,
        };
    }

    /// <summary>
    /// What to store when <paramref name="candidate"/> (e.g. a session's copy) meets the <paramref name="stored"/> row:
    /// the candidate's content, but the newer of the two statuses (and due dates: "Neues Datum" counts as a status
    /// change). A status set later (from the list, a reminder or another session) is never written back to an older one.
    /// </summary>
    public static Agreement Merge(Agreement stored, Agreement candidate)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(candidate);
        // Reminders sent are never forgotten, whoever writes (else one would go out twice).
        var sent = stored.RemindersSent.Union(candidate.RemindersSent, StringComparer.Ordinal).ToList();
        return IsNewer(stored, candidate)
            ? candidate with
            {
                Status = stored.Status,
                StatusChangedAt = stored.StatusChangedAt,
                StatusChangedById = stored.StatusChangedById,
                StatusReason = stored.StatusReason,
                DueBy = stored.DueBy,
                RemindersSent = sent,
            }
            : candidate with { RemindersSent = sent };
    }

    /// <summary>True when <paramref name="a"/>'s status was set after <paramref name="b"/>'s (a status never set is the oldest).</summary>
    public static bool IsNewer(Agreement a, Agreement b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.StatusChangedAt is { } at && (b.StatusChangedAt is not { } bt || at > bt);
    }

    /// <summary>A copy of an earlier agreement as an agreement of this session ("übernehmen").</summary>
    public static Agreement CarryOver(Agreement earlier, string newId, string sessionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new Agreement
        {
            Id = newId,
            SourceSessionId = sessionId,
            CaseReference = earlier.CaseReference,
            What = earlier.What,
            Owner = earlier.Owner,
            OwnerDetail = earlier.OwnerDetail,
            OwnerUserId = earlier.OwnerUserId,
            OwnerObjectId = earlier.OwnerObjectId,
            DueBy = earlier.DueBy,
            GoalLevel = earlier.GoalLevel,
            CreatedAt = now,
            CarriedFromId = earlier.Id,
            KeptDespiteWarnings = earlier.KeptDespiteWarnings,
        };
    }
}
