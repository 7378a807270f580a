using System.Globalization;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>Contributions, focus question, idea choice and agreements.</summary>
public sealed partial class ConsultationSession
{
    public IReadOnlyList<Contribution> Contributions => _state.Contributions;

    public IReadOnlyList<Agreement> Agreements => _state.Agreements;

    public IReadOnlyList<Agreement> EarlierAgreements => _state.EarlierAgreements;

    /// <summary>Agreements to store per case after the session: this session's new ones and the reviewed earlier ones.</summary>
    public IReadOnlyList<Agreement> AgreementsToPersist() => [.. _state.EarlierAgreements, .. _state.Agreements];

    private Step Add(Participant actor, AddContribution command, DateTimeOffset now)
    {
        var phase = CurrentPhase!;
        var kind = command.Draft.Kind;
        var rule = phase.RuleFor(kind);
        var phaseIndex = _state.CurrentPhaseIndex;
        if ((rule is null || !rule.Roles.Contains(actor.Role))
            && command.CardPhaseIndex is { } cardPhase && cardPhase >= 0 && cardPhase < phaseIndex
            && Method.Phases[cardPhase].RuleFor(kind) is { } earlierRule && earlierRule.Roles.Contains(actor.Role))
        {
            // Typed while the card showed an earlier phase, sent after the moderator moved on: still meaningful there.
            rule = earlierRule;
            phaseIndex = cardPhase;
        }

        if (rule is null)
        {
            return Rejections.ActivityNotInPhase(Labels.For(kind), phase.Name);
        }

        if (!rule.Roles.Contains(actor.Role))
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(kind));
        }

        if (_state.Contributions.Count >= SessionLimits.MaxContributions)
        {
            return Rejections.LimitReached(new("Beiträgen", "contributions"), SessionLimits.MaxContributions);
        }

        if (TextRules.Validate(command.Draft.Texts, command.ConfirmedDespiteWarnings) is { } rejected)
        {
            return rejected;
        }

        var number = _state.ContributionCounter + 1;
        var contribution = command.Draft.ApplyTo(new Contribution
        {
            Id = "c" + number.ToString(CultureInfo.InvariantCulture),
            Kind = kind,
            PhaseIndex = phaseIndex,
            AuthorId = actor.Id,
            AuthorRole = actor.Role,
            Anonymous = _state.Options.AnonymousAdvisers && actor.Role == ParticipantRole.Adviser,
            CreatedAt = now,
            KeptDespiteWarnings = command.ConfirmedDespiteWarnings && TextRules.HasFindings(command.Draft.Texts),
        });
        return Ok(
            _state with { Contributions = [.. _state.Contributions, contribution], ContributionCounter = number },
            Event(SessionEventKind.ContributionAdded, phaseIndex, contribution.Id));
    }

    private Step Edit(Participant actor, EditContribution command, DateTimeOffset now)
    {
        if (OwnEditable(actor, command.ContributionId) is { } problem)
        {
            return problem;
        }

        var existing = _state.Contributions.First(c => c.Id == command.ContributionId);
        if (command.Draft.Kind != existing.Kind)
        {
            return Rejections.ActivityNotInPhase(Labels.For(command.Draft.Kind), CurrentPhase!.Name);
        }

        if (TextRules.Validate(command.Draft.Texts, command.ConfirmedDespiteWarnings) is { } rejected)
        {
            return rejected;
        }

        var updated = command.Draft.ApplyTo(existing) with
        {
            EditedAt = now,
            KeptDespiteWarnings = command.ConfirmedDespiteWarnings && TextRules.HasFindings(command.Draft.Texts),
        };
        return Ok(ReplaceContribution(updated), Event(SessionEventKind.ContributionEdited, existing.PhaseIndex, existing.Id));
    }

    private Step Withdraw(Participant actor, WithdrawContribution command)
    {
        if (OwnEditable(actor, command.ContributionId) is { } problem)
        {
            return problem;
        }

        var existing = _state.Contributions.First(c => c.Id == command.ContributionId);
        return Ok(
            ReplaceContribution(existing with { Withdrawn = true, Chosen = false }),
            Event(SessionEventKind.ContributionWithdrawn, existing.PhaseIndex, existing.Id));
    }

    /// <summary>Authors may edit or withdraw their entries until the phase they were made in ends.</summary>
    private Rejection? OwnEditable(Participant actor, string contributionId)
    {
        var existing = _state.Contributions.FirstOrDefault(c => c.Id == contributionId);
        if (existing is null || existing.Withdrawn || existing.Hidden)
        {
            return Rejections.ContributionNotFound();
        }

        if (existing.AuthorId != actor.Id)
        {
            return Rejections.NotAuthor();
        }

        return existing.PhaseIndex != _state.CurrentPhaseIndex ? Rejections.ContributionLocked() : null;
    }

    private Step Hide(Participant actor, HideContribution command)
    {
        if (RequireModerator(actor, command) is { } rejected)
        {
            return rejected;
        }

        if (ProtocolLocked)
        {
            return Rejections.ProtocolAlreadyConfirmed();
        }

        var existing = _state.Contributions.FirstOrDefault(c => c.Id == command.ContributionId);
        if (existing is null || existing.Withdrawn || existing.Hidden)
        {
            return Rejections.ContributionNotFound();
        }

        return Ok(
            ReplaceContribution(existing with { Hidden = true, Chosen = false }),
            Event(SessionEventKind.ContributionHidden, existing.PhaseIndex, existing.Id));
    }

    private Step SetFocus(Participant actor, SetFocusQuestion command)
    {
        if (PhaseAllows(actor, PhaseAction.SetFocusQuestion) is { } denied)
        {
            return denied;
        }

        var input = new TextInput("focusQuestion", Labels.For(PhaseAction.SetFocusQuestion), command.Text, TextRules.FocusQuestionMaxLength);
        if (TextRules.Validate([input], command.ConfirmedDespiteWarnings) is { } rejected)
        {
            return rejected;
        }

        return Ok(
            _state with
            {
                FocusQuestion = command.Text.Trim(),
                FocusQuestionKeptDespiteWarnings = command.ConfirmedDespiteWarnings && TextRules.HasFindings([input]),
            },
            Event(SessionEventKind.FocusQuestionSet, _state.CurrentPhaseIndex));
    }

    private Step Choose(Participant actor, ChooseIdea command)
    {
        if (PhaseAllows(actor, PhaseAction.ChooseIdea) is { } denied)
        {
            return denied;
        }

        var idea = _state.Contributions.FirstOrDefault(c => c.Id == command.ContributionId);
        if (idea is null || !idea.IsVisible)
        {
            return Rejections.ContributionNotFound();
        }

        if (idea.Kind != ContributionKind.Idea)
        {
            return Rejections.NotAnIdea();
        }

        return Ok(
            ReplaceContribution(idea with { Chosen = command.Chosen }),
            Event(command.Chosen ? SessionEventKind.IdeaChosen : SessionEventKind.IdeaUnchosen, idea.PhaseIndex, idea.Id));
    }

    /// <summary>
    /// Helferkonferenz: one coordinating contact, designated by the moderator, a colleague in this session (never a
    /// guest). The agreement must name that colleague as responsible.
    /// </summary>
    private Step? CoordinatorRejection(Participant actor, RecordAgreement command)
    {
        if (Method.Confirmer != ProtocolConfirmer.CoordinatingContact)
        {
            return Rejections.InvalidSetup(new("Eine koordinierende Ansprechperson gibt es nur in der Helferkonferenz.", "Only a Helferkonferenz has a coordinating contact."));
        }

        if (RequireModerator(actor, command) is { } rejected)
        {
            return rejected;
        }

        if (Find(command.Agreement.OwnerUserId) is not { } target)
        {
            return Rejections.TextMissing(new("Verantwortliche Kollegin oder verantwortlicher Kollege", "Responsible colleague"));
        }

        return target.Role == ParticipantRole.Guest
            ? (Step?)Rejections.RoleNotPermitted(Labels.For(target.Role), Labels.For(SessionTrigger.DesignateCoordinatingContact))
            : null;
    }

    private Step Record(Participant actor, RecordAgreement command, DateTimeOffset now)
    {
        if (PhaseAllows(actor, PhaseAction.RecordAgreement) is { } denied)
        {
            return denied;
        }

        if (_state.Agreements.Count >= SessionLimits.MaxAgreements)
        {
            return Rejections.LimitReached(new("Vereinbarungen", "agreements"), SessionLimits.MaxAgreements);
        }

        // The responsible colleague (who gets the reminders) is someone in this session, never an id from elsewhere.
        if (command.Agreement.OwnerUserId is { } ownerId && Find(ownerId) is null)
        {
            return Rejections.ParticipantNotFound();
        }

        if (command.OwnerCoordinates && CoordinatorRejection(actor, command) is { } notCoordinator)
        {
            return notCoordinator;
        }

        if (TextRules.Validate(command.Agreement.Texts, command.ConfirmedDespiteWarnings) is { } rejected)
        {
            return rejected;
        }

        var number = _state.AgreementCounter + 1;
        var agreement = new Agreement
        {
            Id = $"{_state.SessionId}/a{number.ToString(CultureInfo.InvariantCulture)}",
            SourceSessionId = _state.SessionId,
            CaseReference = _state.CaseReference,
            What = command.Agreement.What.Trim(),
            Owner = command.Agreement.Owner,
            OwnerDetail = TextRules.Clean(command.Agreement.OwnerDetail),
            DueBy = command.Agreement.DueBy,
            GoalLevel = command.Agreement.GoalLevel,
            OwnerUserId = command.Agreement.OwnerUserId,
            OwnerObjectId = command.Agreement.OwnerUserId is null ? null : command.Agreement.OwnerObjectId,
            CreatedAt = now,
            KeptDespiteWarnings = command.ConfirmedDespiteWarnings && TextRules.HasFindings(command.Agreement.Texts),
        };
        var next = _state with { Agreements = [.. _state.Agreements, agreement], AgreementCounter = number };
        var recorded = Event(SessionEventKind.AgreementRecorded, _state.CurrentPhaseIndex, agreement.Id);
        return command.OwnerCoordinates
            ? Ok(next with { CoordinatingContactId = agreement.OwnerUserId }, recorded, Event(SessionEventKind.CoordinatingContactDesignated, subject: agreement.OwnerUserId))
            : Ok(next, recorded);
    }

    private Step EditAgreementStep(Participant actor, EditAgreement command)
    {
        // Whoever may record agreements somewhere in this method may correct them while the session runs.
        var mayRecord = Method.Phases.Any(p => p.RuleFor(PhaseAction.RecordAgreement)?.Roles.Contains(actor.Role) == true);
        if (!mayRecord)
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.EditAgreement));
        }

        var existing = _state.Agreements.FirstOrDefault(a => a.Id == command.AgreementId && a.Status != AgreementStatus.Dropped);
        if (existing is null)
        {
            return Rejections.AgreementNotFound();
        }

        if (TextRules.Validate(command.Agreement.Texts, command.ConfirmedDespiteWarnings) is { } rejected)
        {
            return rejected;
        }

        var updated = existing with
        {
            What = command.Agreement.What.Trim(),
            Owner = command.Agreement.Owner,
            OwnerDetail = TextRules.Clean(command.Agreement.OwnerDetail),
            DueBy = command.Agreement.DueBy,
            GoalLevel = command.Agreement.GoalLevel,
            OwnerUserId = command.Agreement.OwnerUserId,
            OwnerObjectId = command.Agreement.OwnerUserId is null ? null : command.Agreement.OwnerObjectId,
            KeptDespiteWarnings = command.ConfirmedDespiteWarnings && TextRules.HasFindings(command.Agreement.Texts),
        };
        return Ok(
            _state with { Agreements = [.. _state.Agreements.Select(a => a.Id == existing.Id ? updated : a)] },
            Event(SessionEventKind.AgreementEdited, _state.CurrentPhaseIndex, existing.Id));
    }

    private Step RemoveAgreementStep(Participant actor, RemoveAgreement command, DateTimeOffset now)
    {
        // The same people who may record and correct agreements may take one back.
        var mayRecord = Method.Phases.Any(p => p.RuleFor(PhaseAction.RecordAgreement)?.Roles.Contains(actor.Role) == true);
        if (!mayRecord)
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.RemoveAgreement));
        }

        var existing = _state.Agreements.FirstOrDefault(a => a.Id == command.AgreementId && a.Status != AgreementStatus.Dropped);
        if (existing is null)
        {
            return Rejections.AgreementNotFound();
        }

        var dropped = existing with { Status = AgreementStatus.Dropped, StatusChangedAt = now };
        return Ok(
            _state with { Agreements = [.. _state.Agreements.Select(a => a.Id == existing.Id ? dropped : a)] },
            Event(SessionEventKind.AgreementEdited, _state.CurrentPhaseIndex, existing.Id));
    }

    private Step Review(Participant actor, ReviewEarlierAgreement command, DateTimeOffset now)
    {
        if (!MayReview(actor))
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.ReviewEarlierAgreement));
        }

        var existing = _state.EarlierAgreements.FirstOrDefault(a => a.Id == command.AgreementId);
        if (existing is null || !AgreementFollowUp.IsReviewStatus(command.Status))
        {
            return Rejections.AgreementNotFound();
        }

        // Carried over, the copy in this session's agreements goes on in its place; change that one instead.
        if (existing.Status == AgreementStatus.CarriedOver && command.Status != AgreementStatus.CarriedOver)
        {
            return Rejections.InvalidInState(Labels.For(SessionTrigger.ReviewEarlierAgreement), Labels.For(AgreementStatus.CarriedOver));
        }

        if (AgreementFollowUp.ValidateReason(command.Status, command.Reason, command.ConfirmedDespiteWarnings) is { } rejected)
        {
            return rejected;
        }

        if (existing.Status == command.Status && existing.StatusReason == TextRules.Clean(command.Reason))
        {
            // A second click on the same choice (or a stale card): nothing to change.
            return Ok(_state);
        }

        var updated = AgreementFollowUp.WithStatus(existing, command.Status, actor.Id, command.Reason, now);
        var agreements = _state.Agreements;
        var counter = _state.AgreementCounter;
        if (command.Status == AgreementStatus.CarriedOver)
        {
            if (_state.Agreements.Count >= SessionLimits.MaxAgreements)
            {
                return Rejections.LimitReached(new("Vereinbarungen", "agreements"), SessionLimits.MaxAgreements);
            }

            counter++;
            var copy = AgreementFollowUp.CarryOver(existing, $"{_state.SessionId}/a{counter.ToString(CultureInfo.InvariantCulture)}", _state.SessionId, now);
            agreements = [.. agreements, copy];
        }

        return Ok(
            _state with
            {
                EarlierAgreements = [.. _state.EarlierAgreements.Select(a => a.Id == existing.Id ? updated : a)],
                Agreements = agreements,
                AgreementCounter = counter,
            },
            Event(SessionEventKind.EarlierAgreementReviewed, subject: existing.Id));
    }

    private static bool MayReview(Participant p) =>
        p.Role is ParticipantRole.Moderator or ParticipantRole.ProtocolKeeper or ParticipantRole.CasePresenter;

    private Rejection? PhaseAllows(Participant actor, PhaseAction action)
    {
        var phase = CurrentPhase!;
        var rule = phase.RuleFor(action);
        if (rule is null)
        {
            return Rejections.ActivityNotInPhase(Labels.For(action), phase.Name);
        }

        return rule.Roles.Contains(actor.Role) ? null : Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(action));
    }

    private SessionSnapshot ReplaceContribution(Contribution updated) =>
        _state with { Contributions = [.. _state.Contributions.Select(c => c.Id == updated.Id ? updated : c)] };
}
