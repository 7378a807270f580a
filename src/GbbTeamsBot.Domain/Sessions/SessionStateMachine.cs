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
    public sealed record TransitionRule(SessionTrigger Trigger, IReadOnlySet<SessionStatus> From, SessionStatus? To, bool AffectsSchedule);

    private static TransitionRule Row(SessionTrigger trigger, SessionStatus? to, bool schedule, params SessionStatus[] from) =>
        new(trigger, from.ToHashSet(), to, schedule);

    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        Row(T.Join, null, false, Prepared, Running, Paused),
        Row(T.AssignRole, null, false, Prepared, Running, Paused),
        Row(T.HandOverRole, null, false, Prepared, Running, Paused),
        Row(T.RecordConsent, null, false, Prepared, Running, Paused),
        Row(T.Configure, null, false, Prepared),
        Row(T.SetPlan, null, false, Prepared),
        Row(T.Start, Running, true, Prepared),

        // AdvancePhase on the last phase leads to Completed (the handler decides; the row names the usual target).
        Row(T.AdvancePhase, Running, true, Running),
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
        Row(T.ReviewEarlierAgreement, null, false, Prepared, Running, Paused),
        Row(T.DesignateCoordinatingContact, null, false, Prepared, Running, Paused),
        Row(T.UpdateProtocolText, null, false, Running, Paused, Completed),
        Row(T.ConfirmProtocol, null, false, Completed),
        Row(T.CorrectProtocol, null, false, Completed),

        // The card's buttons: "Weiter" starts or advances (on the last phase: Completed), "Beenden" ends.
        Row(T.Next, Running, true, Prepared, Running),
        Row(T.Finish, Completed, true, Running, Paused),
    ];

    private static readonly Dictionary<SessionTrigger, TransitionRule> ByTrigger = Rules.ToDictionary(r => r.Trigger);

    public static TransitionRule RuleFor(SessionTrigger trigger) => ByTrigger[trigger];

    public static bool IsAllowed(SessionStatus status, SessionTrigger trigger) => RuleFor(trigger).From.Contains(status);
}
