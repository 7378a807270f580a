using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Domain.Protocol;

/// <summary>Assembles the protocol from a session: visible entries only, no author ids, never the person's name.</summary>
public static class ProtocolBuilder
{
    public static ProtocolDocument Build(SessionSnapshot session, MethodDefinition method)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(method);
        var visible = session.Contributions.Where(c => c.IsVisible).ToList();
        IEnumerable<Contribution> Of(ContributionKind kind) => visible.Where(c => c.Kind == kind);

        var brief = Of(ContributionKind.ProjectBrief).LastOrDefault();
        return new ProtocolDocument
        {
            SessionId = session.SessionId,
            Version = session.ProtocolVersions.Count + 1,
            IsConfirmed = false,
            MethodId = method.Id,
            MethodName = method.Name,
            Date = session.StartedAt,
            CaseReference = session.CaseReference,
            Participants = Participants(session),
            CoordinatingContact = session.Participants.FirstOrDefault(p => session.CoordinatingContactId is { } id && p.Id == id)?.DisplayName,
            ParticipationChanges = [.. session.ParticipationLog.Select(c => new ProtocolParticipationChange(c.Kind, c.Role, c.DisplayName, c.At))],
            Consent = session.Consent is { } consent
                ? new ProtocolConsent(consent.Agencies, consent.Purpose, consent.GivenBy, consent.ValidUntil, consent.PersonTakesPart, consent.IncludesReleaseFromConfidentiality, consent.WithdrawnAt)
                : null,
            FocusQuestion = session.FocusQuestion,
            ProjectBrief = brief is null
                ? null
                : new ProtocolProjectBrief(brief.Text, brief.ObservedNeed ?? string.Empty, brief.Goal ?? string.Empty, brief.Partners ?? string.Empty, brief.ResourcesAtHand),
            ClarifyingQuestions = [.. Of(ContributionKind.ClarifyingQuestion).Select(c => c.Text)],
            Ampeltorte =
            [
                .. Of(ContributionKind.AmpelEntry)
                    .OrderBy(c => c.LifeDomain)
                    .Select(c => new ProtocolAmpelEntry(c.LifeDomain!.Value, c.TrafficLight!.Value, c.Text.Length == 0 ? null : c.Text)),
            ],
            Resources = [.. Of(ContributionKind.Resource).OrderBy(c => c.ResourceArea).Select(c => new ProtocolResource(c.ResourceArea!.Value, c.Text))],
            Ideas = [.. Of(ContributionKind.Idea).OrderBy(c => c.IdeaLevel).Select(c => new ProtocolIdea(c.IdeaLevel!.Value, c.Text, c.Chosen))],
            HelperSystems = [.. Of(ContributionKind.HelperSystemEntry).Select(c => new ProtocolHelperSystem(c.Agency ?? string.Empty, c.Mandate ?? string.Empty, c.Text))],
            NeighbourhoodEntries =
            [
                .. Of(ContributionKind.NeighbourhoodEntry)
                    .OrderBy(c => c.NeighbourhoodCategory)
                    .Select(c => new ProtocolNeighbourhoodEntry(c.NeighbourhoodCategory!.Value, c.Text, c.Place)),
            ],
            Statements = [.. Of(ContributionKind.Statement).Select(c => c.Text)],
            Agreements = [.. session.Agreements.Where(a => a.Status != AgreementStatus.Dropped).Select(ToProtocol)],
            EarlierAgreements = [.. session.EarlierAgreements.Select(ToProtocol)],
            Timing =
            [
                .. session.Phases.Select(p => new ProtocolTiming(
                    p.Key,
                    method.Phases[p.Index].Name,
                    p.Planned,
                    p.Actual,
                    p.State == PhaseRunState.Skipped)),
            ],
            PlannedTotal = session.Total,
            ActualTotal = session.Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Actual),
            EndedEarly = session.EndedEarly,
            Summary = session.ProtocolTexts.Summary,
            NeedsAndObstacles = session.ProtocolTexts.NeedsAndObstacles,
            Notes = session.ProtocolTexts.Notes,
        };
    }

    private static ProtocolAgreement ToProtocol(Agreement a) =>
        new(a.What, a.Owner, a.OwnerDetail, a.DueBy, a.GoalLevel, a.Status, a.GetHints());

    /// <summary>
    /// Participants by role: colleagues with their display name (accountability), partner agencies by
    /// organisation, the person and lifeworld supporters by role only, guests counted.
    /// </summary>
    private static IReadOnlyList<ProtocolParticipant> Participants(SessionSnapshot session) =>
    [
        .. session.Participants
            .OrderBy(p => p.Role)
            .Select(p => new ProtocolParticipant(p.Role, p.Role switch
            {
                ParticipantRole.Moderator or ParticipantRole.ProtocolKeeper or ParticipantRole.CasePresenter or ParticipantRole.Adviser => p.DisplayName,
                ParticipantRole.ExternalProfessional => p.Organisation,
                _ => null,
            })),
    ];
}
