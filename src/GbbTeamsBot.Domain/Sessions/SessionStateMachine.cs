using static GbbTeamsBot.Domain.Sessions.SessionStatus;
using T = GbbTeamsBot.Domain.Sessions.SessionTrigger;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// One row per trigger: the states it is valid in and the state it leads to (null: unchanged). Any other
/// (state, trigger) pair is rejected with <c>InvalidInState</c> and changes nothing. Guards (roles, phase rules,
/// limits) live in the handlers and are pure functions of the snapshot.
/// </summary>
public static class SessionStateMachine
{
    /// <summary>A row: valid in <paramref name="From"/>, leads to <paramref name="To"/> (null: unchanged) or, where
    /// <paramref name="EndsOnLastPhase"/>, to Completed when it moves past the last phase.</summary>
    public sealed record TransitionRule(SessionTrigger Trigger, IReadOnlySet<SessionStatus> From, SessionStatus? To, bool AffectsSchedule, bool EndsOnLastPhase = false)
    {
        /// <summary>A second allowed result, e.g. a withdrawn consent pauses a running session (and leaves others as they are).</summary>
        public SessionStatus? OrTo { get; init; }

        /// <summary>Whether a handler's result state is the one this row names (the aggregate refuses to store any other).</summary>
        public bool Leads(SessionStatus from, SessionStatus to) =>
            to == (To ?? from) || (EndsOnLastPhase && to == SessionStatus.Completed) || to == OrTo;
    }

    private static TransitionRule Row(SessionTrigger trigger, SessionStatus? to, bool schedule, params SessionStatus[] from) =>
        new(trigger, from.ToHashSet(), to, schedule);

    private static TransitionRule Advancing(SessionTrigger trigger, params SessionStatus[] from) =>
        new(trigger, from.ToHashSet(), Running, AffectsSchedule: true, EndsOnLastPhase: true);

    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        Row(T.Join, null, false, Prepared, Running, Paused),
        Row(T.AssignRole, null, false, Prepared, Running, Paused),
        Row(T.HandOverRole, null, false, Prepared, Running, Paused),
        Row(T.RecordConsent, null, false, Prepared, Running, Paused),
        Row(T.Configure, null, false, Prepared),
        Row(T.SetPlan, null, false, Prepared),
        Row(T.Start, Running, true, Prepared),

        Advancing(T.AdvancePhase, Running),
        Row(T.ReturnToPreviousPhase, Running, true, Running),
        Row(T.AdjustCurrentPhase, null, true, Running, Paused),
        Row(T.ExtendTotal, null, true, Running, Paused),
        Row(T.Pause, Paused, true, Running),
        Row(T.Resume, Running, true, Paused),
        Row(T.FinishEarly, Completed, true, Running, Paused),
        Row(T.Cancel, Cancelled, true, Prepared, Running, Paused),
        Row(T.AddContribution, null, false, Running, Paused),
        Row(T.EditContribution, null, false, Running, Paused),
        Row(T.WithdrawContribution, null, false, Running, Paused),
        Row(T.HideContribution, null, false, Running, Paused, Completed),
        Row(T.SetFocusQuestion, null, false, Running, Paused),
        Row(T.ChooseIdea, null, false, Running, Paused),
        Row(T.RecordAgreement, null, false, Running, Paused),
        Row(T.EditAgreement, null, false, Running, Paused),
        Row(T.RemoveAgreement, null, false, Running, Paused),
        Row(T.ReviewEarlierAgreement, null, false, Prepared, Running, Paused),
        Row(T.DesignateCoordinatingContact, null, false, Prepared, Running, Paused),
        Row(T.UpdateProtocolText, null, false, Running, Paused, Completed),
        Row(T.ConfirmProtocol, null, false, Completed),
        Row(T.CorrectProtocol, null, false, Completed),

        // The card's buttons: "Weiter" starts or advances (on the last phase: Completed), "Beenden" ends.
        Advancing(T.Next, Prepared, Running),
        Row(T.Finish, Completed, true, Running, Paused),

        // Participation: late joiners, hand-over and leaving; a withdrawn consent pauses a running session.
        Row(T.Leave, null, false, Prepared, Running, Paused),
        Row(T.PassRole, null, false, Prepared, Running, Paused),
        Row(T.WithdrawConsent, null, true, Prepared, Running, Paused) with { OrTo = Paused },
    ];

    private static readonly Dictionary<SessionTrigger, TransitionRule> ByTrigger = Rules.ToDictionary(r => r.Trigger);

    public static TransitionRule RuleFor(SessionTrigger trigger) => ByTrigger[trigger];

    public static bool IsAllowed(SessionStatus status, SessionTrigger trigger) => RuleFor(trigger).From.Contains(status);
}
