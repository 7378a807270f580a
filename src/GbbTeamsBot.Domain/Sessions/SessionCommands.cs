using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>Every user command names its trigger; <see cref="SessionStateMachine"/> says in which states it is valid.</summary>
public enum SessionTrigger
{
    Join,
    AssignRole,
    HandOverRole,
    RecordConsent,
    Configure,
    SetPlan,
    Start,
    AdvancePhase,
    ReturnToPreviousPhase,
    AdjustCurrentPhase,
    ExtendTotal,
    Pause,
    Resume,
    FinishEarly,
    Cancel,
    AddContribution,
    EditContribution,
    WithdrawContribution,
    HideContribution,
    SetFocusQuestion,
    ChooseIdea,
    RecordAgreement,
    EditAgreement,
    ReviewEarlierAgreement,
    DesignateCoordinatingContact,
    UpdateProtocolText,
    ConfirmProtocol,
    CorrectProtocol,
    Next,
    Finish,
    RemoveAgreement,
    Leave,
    PassRole,
    WithdrawConsent,
}

/// <summary>A command by a participant (identified by an opaque id, e.g. the Entra object id or a guest id).</summary>
public abstract record SessionCommand(string ActorId)
{
    public abstract SessionTrigger Trigger { get; }
}

/// <summary>Join the session. Colleagues get the method's member role, people from outside the tenant its external role.</summary>
public sealed record JoinSession(string ActorId, string DisplayName, bool IsExternal = false, string? Organisation = null) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Join;
}

/// <summary>Moderator: give a participant a role (within the method's limits).</summary>
public sealed record AssignRole(string ActorId, string ParticipantId, ParticipantRole Role) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.AssignRole;
}

/// <summary>Moderator, protocol keeper or case presenter: swap roles with another colleague.</summary>
public sealed record HandOverRole(string ActorId, string ToParticipantId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.HandOverRole;
}

public sealed record RecordConsent(string ActorId, ConsentDraft Consent) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.RecordConsent;
}

public sealed record ConfigureSession(string ActorId, SessionOptions Options) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Configure;
}

/// <summary>Moderator, before the start: minutes per phase (the total must stay within the method's range).</summary>
public sealed record SetPhasePlan(string ActorId, IReadOnlyList<TimeSpan> Durations) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.SetPlan;
}

public sealed record StartSession(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Start;
}

/// <summary>Moderator: next phase; on the last phase this completes the session.</summary>
public sealed record AdvancePhase(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.AdvancePhase;
}

public sealed record ReturnToPreviousPhase(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.ReturnToPreviousPhase;
}

/// <summary>Moderator: lengthen (positive) or shorten (negative) the current phase. The total holds: other phases give or take.</summary>
public sealed record AdjustCurrentPhase(string ActorId, TimeSpan Delta) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.AdjustCurrentPhase;
}

/// <summary>Moderator: add time to the session's total, optionally giving it to the current phase.</summary>
public sealed record ExtendTotal(string ActorId, TimeSpan Delta, bool AddToCurrentPhase) : SessionCommand(ActorId)
{
    /// <summary>How many minutes one "+n Min." may add (the method's extension room limits the sum).</summary>
    public const int MaxStepMinutes = 30;

    public override SessionTrigger Trigger => SessionTrigger.ExtendTotal;
}

public sealed record PauseSession(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Pause;
}

public sealed record ResumeSession(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Resume;
}

/// <summary>
/// Moderator: the card's "Weiter". Starts a prepared session, otherwise moves to the next phase (on the last phase:
/// the regular end). A method that runs through on "Weiter" (the Sozialraum-Runde) ends its round at once.
/// </summary>
public sealed record NextStep(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Next;
}

/// <summary>Moderator: the card's "Beenden". On the last phase the regular end, before it an early finish.</summary>
public sealed record FinishSession(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Finish;
}

public sealed record FinishEarly(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.FinishEarly;
}

public sealed record CancelSession(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Cancel;
}

public sealed record AddContribution(string ActorId, ContributionDraft Draft, bool ConfirmedDespiteWarnings = false) : SessionCommand(ActorId)
{
    /// <summary>
    /// The phase the author's card showed. When the session has moved on and the current phase does not take this
    /// kind, the entry is stored in that earlier phase if it took it (typed in time, sent late), instead of refused.
    /// </summary>
    public int? CardPhaseIndex { get; init; }

    public override SessionTrigger Trigger => SessionTrigger.AddContribution;
}

public sealed record EditContribution(string ActorId, string ContributionId, ContributionDraft Draft, bool ConfirmedDespiteWarnings = false) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.EditContribution;
}

public sealed record WithdrawContribution(string ActorId, string ContributionId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.WithdrawContribution;
}

public sealed record HideContribution(string ActorId, string ContributionId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.HideContribution;
}

public sealed record SetFocusQuestion(string ActorId, string Text, bool ConfirmedDespiteWarnings = false) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.SetFocusQuestion;
}

/// <summary>Case presenter (or the person, where the method says so): mark an idea as chosen or not.</summary>
public sealed record ChooseIdea(string ActorId, string ContributionId, bool Chosen = true) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.ChooseIdea;
}

/// <summary>
/// Records an agreement. <paramref name="OwnerCoordinates"/> (Helferkonferenz only): the responsible colleague becomes
/// the one coordinating contact of the session, replacing an earlier one.
/// </summary>
public sealed record RecordAgreement(string ActorId, AgreementDraft Agreement, bool ConfirmedDespiteWarnings = false, bool OwnerCoordinates = false) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.RecordAgreement;
}

public sealed record EditAgreement(string ActorId, string AgreementId, AgreementDraft Agreement, bool ConfirmedDespiteWarnings = false) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.EditAgreement;
}

/// <summary>Withdraws an agreement of this session while it runs: it is kept as dropped (the team's lists and the protocol leave it out).</summary>
public sealed record RemoveAgreement(string ActorId, string AgreementId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.RemoveAgreement;
}

/// <summary>
/// Set the status of an agreement from an earlier session of the same case: erledigt, teilweise, nicht erledigt (with a
/// short reason), entfällt, or übernehmen (carried into this session's agreements).
/// </summary>
public sealed record ReviewEarlierAgreement(string ActorId, string AgreementId, AgreementStatus Status, string? Reason = null, bool ConfirmedDespiteWarnings = false) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.ReviewEarlierAgreement;
}

public sealed record DesignateCoordinatingContact(string ActorId, string ParticipantId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.DesignateCoordinatingContact;
}

public sealed record UpdateProtocolText(string ActorId, ProtocolTextField Field, string? Text, bool ConfirmedDespiteWarnings = false) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.UpdateProtocolText;
}

public sealed record ConfirmProtocol(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.ConfirmProtocol;
}

/// <summary>After confirmation: change a protocol text; the change becomes a new version once confirmed again.</summary>
public sealed record CorrectProtocol(string ActorId, ProtocolTextField Field, string? Text, string Reason, bool ConfirmedDespiteWarnings = false) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.CorrectProtocol;
}

/// <summary>A participant leaves the session; the moderator hands the moderation over first.</summary>
public sealed record LeaveSession(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.Leave;
}

/// <summary>
/// The live card's "Übergeben": the actor gives <paramref name="Role"/> to another participant. Handing over one's own
/// role (Moderation, Protokoll, Falleinbringend) swaps seats; the moderator may also give any other seat.
/// </summary>
public sealed record PassRole(string ActorId, string ToParticipantId, ParticipantRole Role) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.PassRole;
}

/// <summary>Moderator or case presenter: the person withdrew their consent.</summary>
public sealed record WithdrawConsent(string ActorId) : SessionCommand(ActorId)
{
    public override SessionTrigger Trigger => SessionTrigger.WithdrawConsent;
}
