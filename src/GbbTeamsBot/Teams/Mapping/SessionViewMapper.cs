using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using CardKind = GbbTeamsBot.Cards.ViewModels.ContributionKind;
using DomainKind = GbbTeamsBot.Domain.Methods.ContributionKind;

namespace GbbTeamsBot.Teams.Mapping;

/// <summary>
/// Maps a stored session to the card view models, for one viewer (their role decides inputs and controls) or for
/// nobody in particular (the shared card everyone sees until their client refreshes it for them).
/// </summary>
public static class SessionViewMapper
{
    public static SessionRef Ref(SessionView session) => new(session.Address.SessionId, session.Version);

    public static string Pseudonym(SessionView session) => session.State.CaseReference ?? string.Empty;

    public static IReadOnlyList<PhaseView> Phases(SessionView session, UiLanguage language, DateTimeOffset now)
    {
        var budget = session.TimeBudget(now);
        var method = session.Method;
        return budget.Phases.Select(p =>
        {
            var kind = CardVocabulary.Phase(method.Id, p.Key);
            var status = p.State switch
            {
                PhaseRunState.Active => PhaseStatus.Running,
                PhaseRunState.Done => PhaseStatus.Done,
                PhaseRunState.Skipped => PhaseStatus.Skipped,
                _ => PhaseStatus.Upcoming,
            };
            return new PhaseView(kind, Minutes(p.Planned), status)
            {
                ActualMinutes = status is PhaseStatus.Done or PhaseStatus.Running ? Minutes(p.Actual) : null,
                CustomTitle = CardVocabulary.NeedsOwnTitle(kind) ? method.Phases[p.Index].Name.In(Lang(language)) : null,
            };
        }).ToList();
    }

    /// <summary>The live card for <paramref name="viewerId"/>; null for the shared card (no role, no input, no controls).</summary>
    public static LiveSessionView Live(SessionView session, string? viewerId, UiLanguage language, DateTimeOffset now, MessageView? notice = null)
    {
        var state = session.State;
        var phases = Phases(session, language, now);
        var index = Math.Max(0, state.CurrentPhaseIndex);
        var budget = session.TimeBudget(now);
        DateTimeOffset? endsAt = null;
        TimeSpan? remainingWhenPaused = null;
        if (state.Status == SessionStatus.Running && state.CurrentPhaseIndex >= 0)
        {
            endsAt = now + budget.Phases[index].Planned - budget.Phases[index].Actual;
        }
        else if (state.Status == SessionStatus.Paused)
        {
            remainingWhenPaused = budget.Phases[index].Remaining;
        }

        var run = state.CurrentPhaseIndex >= 0 && state.CurrentPhaseIndex < state.Phases.Count ? state.Phases[state.CurrentPhaseIndex] : null;
        var live = new LiveSessionView(Ref(session), CardVocabulary.Method(session.Method.Id), Pseudonym(session), phases, index, Viewer(session, viewerId))
        {
            PhaseEndsAt = endsAt,
            PhaseEndingSoon = run?.WarningFired == true,
            PhaseOverdue = run?.Overdue == true,
            ProtocolConfirmers = session.ProtocolConfirmers.Select(p => p.DisplayName).ToList(),
            IsPaused = state.Status == SessionStatus.Paused,
            RemainingWhenPaused = remainingWhenPaused,
            RoleHolders = RoleHolders(state),
            Contributions = Contributions(session),
            Agreements = Agreements(state.Agreements.Where(a => a.Status != AgreementStatus.Dropped), state.CoordinatingContactId),
            EarlierAgreements = Agreements(state.EarlierAgreements),
            ViewerMayReview = viewerId is not null && session.CapabilitiesOf(viewerId).CanReviewEarlierAgreements,
            RefreshUserIds = RefreshUserIds(state),
            Notice = notice,
            OffersKnowledge = run is not null && Knowledge.KnowledgeScreens.OffersKnowledge(run.Key),
        };
        return Participation.ParticipationScreens.Decorate(live, session, viewerId);
    }

    public static ViewerView Viewer(SessionView session, string? viewerId)
    {
        if (viewerId is null || session.State.Participants.FirstOrDefault(p => p.Id == viewerId) is not { } participant)
        {
            return new ViewerView(viewerId ?? string.Empty, []);
        }

        return new ViewerView(viewerId, [CardVocabulary.Role(participant.Role)]) { MayAdd = MayAdd(session, viewerId) };
    }

    /// <summary>The one input the viewer's role gets in the current phase (the method's first listed kind wins).</summary>
    public static CardKind? MayAdd(SessionView session, string viewerId)
    {
        if (session.Status != SessionStatus.Running)
        {
            return null;
        }

        var capabilities = session.CapabilitiesOf(viewerId);
        if (capabilities.CanSetFocusQuestion)
        {
            return CardKind.FocusQuestion;
        }

        return capabilities.ContributionKinds.Count == 0 ? null : CardVocabulary.Contribution(capabilities.ContributionKinds[0]);
    }

    public static IReadOnlyList<RoleHolderView> RoleHolders(SessionSnapshot state) =>
        state.Participants.Select(p => new RoleHolderView(CardVocabulary.Role(p.Role), p.DisplayName)).ToList();

    /// <summary>Role holders first (moderator first), then everyone else; Teams refreshes at most 60.</summary>
    public static IReadOnlyList<string> RefreshUserIds(SessionSnapshot state) =>
        state.Participants
            .OrderBy(p => p.Role == ParticipantRole.Moderator ? 0 : p.Role is ParticipantRole.Adviser or ParticipantRole.Guest ? 2 : 1)
            .Select(p => p.Id)
            .Take(AdaptiveCard.MaxRefreshUserIds)
            .ToList();

    public static IReadOnlyList<ContributionView> Contributions(SessionView session)
    {
        var state = session.State;
        var names = state.Participants.ToDictionary(p => p.Id, p => p.DisplayName, StringComparer.Ordinal);
        var list = new List<ContributionView>();
        if (!string.IsNullOrWhiteSpace(state.FocusQuestion))
        {
            list.Add(new ContributionView("focus", CardKind.FocusQuestion, state.FocusQuestion));
        }

        foreach (var c in state.Contributions.Where(c => c.IsVisible))
        {
            list.Add(Contribution(c, c.VisibleAuthorId is { } author && names.TryGetValue(author, out var name) ? name : null));
        }

        return list;
    }

    public static ContributionView Contribution(Contribution c, string? authorName) =>
        new(c.Id, CardVocabulary.Contribution(c.Kind), c.Text)
        {
            PhaseIndex = c.PhaseIndex,
            AuthorName = authorName,
            Area = c.ResourceArea is { } area ? CardVocabulary.Area(area) : null,
            Level = c.IdeaLevel is { } level ? CardVocabulary.Level(level) : null,
            IsChosen = c.Chosen,
            Domain = c.LifeDomain is { } domain ? CardVocabulary.Domain(domain) : null,
            Light = c.TrafficLight is { } light ? CardVocabulary.Light(light) : null,
            Category = c.NeighbourhoodCategory is { } category ? CardVocabulary.Category(category) : null,
            Place = c.Place,
            Agency = c.Agency,
            Mandate = c.Mandate,
            CurrentActivities = c.Kind == DomainKind.HelperSystemEntry ? c.Text : null,
            IsFromCatalogue = c.KnowledgeEntryId is not null,
        };

    public static IReadOnlyList<AgreementView> Agreements(IEnumerable<Agreement> agreements, string? coordinatorId = null) =>
        agreements.Select(a => Agreement(a, coordinatorId)).ToList();

    public static AgreementView Agreement(Agreement a, string? coordinatorId = null) =>
        new(a.Id, a.What, a.OwnerDetail ?? string.Empty, CardVocabulary.Party(a.Owner))
        {
            Due = a.DueBy,
            IsDone = a.Status == AgreementStatus.Done,
            Progress = Progress(a.Status),
            Reason = a.StatusReason,
            Goal = a.GoalLevel is { } level ? (Cards.ViewModels.GoalLevelKind)(int)level : null,
            IsCoordinator = coordinatorId is not null && a.OwnerUserId == coordinatorId,
        };

    public static Cards.ViewModels.AgreementProgress Progress(AgreementStatus status) => status switch
    {
        AgreementStatus.Done => Cards.ViewModels.AgreementProgress.Done,
        AgreementStatus.PartlyDone => Cards.ViewModels.AgreementProgress.PartlyDone,
        AgreementStatus.NotDone => Cards.ViewModels.AgreementProgress.NotDone,
        AgreementStatus.Dropped => Cards.ViewModels.AgreementProgress.Dropped,
        AgreementStatus.CarriedOver => Cards.ViewModels.AgreementProgress.CarriedOver,
        _ => Cards.ViewModels.AgreementProgress.Open,
    };

    public static AgreementStatus Status(Cards.ViewModels.AgreementProgress progress) => progress switch
    {
        Cards.ViewModels.AgreementProgress.Done => AgreementStatus.Done,
        Cards.ViewModels.AgreementProgress.PartlyDone => AgreementStatus.PartlyDone,
        Cards.ViewModels.AgreementProgress.NotDone => AgreementStatus.NotDone,
        Cards.ViewModels.AgreementProgress.Dropped => AgreementStatus.Dropped,
        Cards.ViewModels.AgreementProgress.CarriedOver => AgreementStatus.CarriedOver,
        _ => AgreementStatus.Open,
    };

    public static ResourceMapView ResourceMap(SessionView session) =>
        new(Ref(session), Pseudonym(session), Contributions(session).Where(c => c.Kind == CardKind.Resource).ToList())
        {
            OffersToKnowledge = true,
        };

    public static AmpeltorteView Ampeltorte(SessionView session) =>
        new(Ref(session), Pseudonym(session), Contributions(session).Where(c => c.Kind == CardKind.Ampeltorte).ToList());

    public static IdeasView Ideas(SessionView session, string? viewerId) =>
        new(Ref(session), Pseudonym(session), Contributions(session).Where(c => c.Kind == CardKind.Idea).ToList())
        {
            ViewerIsCasePresenter = viewerId is not null && session.CapabilitiesOf(viewerId).CanChooseIdeas,
        };

    public static AgreementsEditorView AgreementsEditor(SessionView session, string? viewerId, MessageView? notice = null) =>
        new(Ref(session), CardVocabulary.Method(session.Method.Id), Pseudonym(session), Agreements(session.State.Agreements.Where(a => a.Status != AgreementStatus.Dropped), session.State.CoordinatingContactId))
        {
            ViewerMayEdit = viewerId is not null && session.CapabilitiesOf(viewerId).CanRecordAgreements,
            Notice = notice,
            TeamMembers = session.State.Participants
                .Where(p => !p.IsExternal && p.Role is ParticipantRole.Moderator or ParticipantRole.CasePresenter or ParticipantRole.ProtocolKeeper or ParticipantRole.Adviser)
                .Select(p => new MemberView(p.Id, p.DisplayName))
                .ToList(),
        };

    public static ConsentView Consent(SessionView session, string? viewerId, DateTimeOffset? now = null)
    {
        var consent = session.State.Consent;
        var confirmedBy = consent is null ? null : session.State.Participants.FirstOrDefault(p => p.Id == consent.ConfirmedById)?.DisplayName;
        var documents = viewerId is not null && session.State.Participants.Any(p => p.Id == viewerId && !p.IsExternal && p.Role is ParticipantRole.Moderator or ParticipantRole.CasePresenter);
        var today = DateOnly.FromDateTime((now ?? session.State.CreatedAt).UtcDateTime);
        return new ConsentView(Ref(session), Pseudonym(session))
        {
            ConsentConfirmed = consent is not null,
            ReleaseConfirmed = consent?.IncludesReleaseFromConfidentiality == true,
            ConfirmedByName = confirmedBy,
            ConfirmedAt = consent?.ConfirmedAt,
            ViewerIsModerator = documents,
            Method = CardVocabulary.Method(session.Method.Id),
            AgencyChoices = [.. session.State.Participants.Where(p => p.IsExternal).Select(p => string.IsNullOrWhiteSpace(p.Organisation) ? p.DisplayName : p.Organisation!).Distinct(StringComparer.OrdinalIgnoreCase)],
            Agencies = consent?.Agencies ?? [],
            Purpose = consent?.Purpose,
            GivenBy = consent is null ? null : consent.GivenBy == Domain.Consent.ConsentGiver.LegalRepresentative ? ConsentGiverKind.GesetzlicheVertretung : ConsentGiverKind.Person,
            ValidUntil = consent is null ? null : DateOnly.FromDateTime(consent.ValidUntil.UtcDateTime),
            PersonTakesPart = consent?.PersonTakesPart == true,
            WithdrawnAt = consent?.WithdrawnAt,
            DefaultValidUntil = today.AddDays(Sessions.ConfirmConsentAction.DefaultValidityDays),
            MaxValidUntil = today.AddDays(Sessions.ConfirmConsentAction.MaxValidityDays),
            ViewerMayWithdraw = documents && consent is { IsWithdrawn: false },
            JoinOffered = session.Status is SessionStatus.Prepared or SessionStatus.Running or SessionStatus.Paused
                && (viewerId is null || session.State.Participants.All(p => p.Id != viewerId)),
        };
    }

    public static HelperRoundView HelperRound(SessionView session, string? viewerId) =>
        new(Ref(session), Pseudonym(session), Contributions(session).Where(c => c.Kind == CardKind.HelperSystem).ToList())
        {
            ViewerMayAdd = viewerId is not null && session.Status == SessionStatus.Running
                && session.CapabilitiesOf(viewerId).ContributionKinds.Contains(DomainKind.HelperSystemEntry),
            RefreshUserIds = RefreshUserIds(session.State),
        };

    public static SozialraumRundeView Round(SessionView session, string? viewerId, string neighbourhood, DateTimeOffset now)
    {
        var live = Live(session, viewerId, UiLanguage.German, now);
        return new SozialraumRundeView(Ref(session), neighbourhood, Contributions(session).Where(c => c.Kind == CardKind.RoundEntry).ToList())
        {
            EndsAt = session.TimeBudget(now).PlannedEnd,
            ViewerMayAdd = viewerId is not null && session.Status == SessionStatus.Running
                && session.CapabilitiesOf(viewerId).ContributionKinds.Contains(DomainKind.NeighbourhoodEntry),
            ViewerIsModerator = live.Viewer.IsModerator,
            RefreshUserIds = RefreshUserIds(session.State),
            JoinOffered = live.JoinOffered,
        };
    }

    public static AgendaView Agenda(SessionView session, string? viewerId, DateTimeOffset now)
    {
        var state = session.State;
        var agenda = state.Agenda;
        var budget = session.TimeBudget(now);
        var items = budget.Phases.Select(p =>
        {
            var item = agenda?.Items.ElementAtOrDefault(p.Index);
            var kind = item?.MethodId switch
            {
                MethodIds.SozialraumRunde => AgendaItemKind.SozialraumRunde,
                null => AgendaItemKind.Sonstiges,
                _ => AgendaItemKind.Beratung,
            };
            var status = p.State switch
            {
                PhaseRunState.Active => PhaseStatus.Running,
                PhaseRunState.Done => PhaseStatus.Done,
                PhaseRunState.Skipped => PhaseStatus.Skipped,
                _ => PhaseStatus.Upcoming,
            };
            return new AgendaItemView(item?.Title ?? session.Method.Phases[p.Index].Name.De, kind, Minutes(p.Planned), status)
            {
                ActualMinutes = status is PhaseStatus.Done or PhaseStatus.Running ? Minutes(p.Actual) : null,
                CasePseudonym = item?.CaseReference,
            };
        }).ToList();
        var running = state.Status is SessionStatus.Running or SessionStatus.Paused ? state.CurrentPhaseIndex : (int?)null;
        return new AgendaView(Ref(session), agenda?.Title ?? session.Method.Name.De, items)
        {
            RunningIndex = running,
            ItemEndsAt = running is { } i && state.Status == SessionStatus.Running ? now + budget.Phases[i].Planned - budget.Phases[i].Actual : null,
            MeetingEndsAt = budget.PlannedEnd,
            ViewerIsModerator = viewerId is not null && session.State.Participants.Any(p => p.Id == viewerId && p.Role == ParticipantRole.Moderator),
            RefreshUserIds = RefreshUserIds(state),
        };
    }

    /// <summary>
    /// The protocol: the confirmed version's content when there is one, the live draft otherwise. The confirm button
    /// shows on the shared card too (Teams may not refresh it per user); the handler enforces who may confirm.
    /// </summary>
    public static ProtocolView Protocol(SessionView session, string? viewerId, UiLanguage language, DateTimeOffset now)
    {
        var state = session.State;
        var confirmed = state.ProtocolVersions.Count > 0 && !state.CorrectionPending;
        var confirmers = confirmed
            ? state.ProtocolVersions.Where(v => v.ConfirmedByRole is not null)
                .Select(v => ConfirmerName(state, v.ConfirmedByRole!.Value, language))
                .Distinct()
                .ToList()
            : [];
        var mayConfirm = viewerId is null ? !confirmed && state.Status == SessionStatus.Completed : session.CapabilitiesOf(viewerId).CanConfirmProtocol;
        return new ProtocolView(
            Ref(session),
            CardVocabulary.Method(session.Method.Id),
            Pseudonym(session),
            state.StartedAt ?? state.CreatedAt,
            Phases(session, language, now),
            Contributions(session),
            Agreements(state.Agreements.Where(a => a.Status != AgreementStatus.Dropped), state.CoordinatingContactId))
        {
            EndedAt = state.EndedAt,
            RoleHolders = RoleHolders(state)
                .Where(r => r.Role is not (RoleKind.BetroffenePerson or RoleKind.Teilnehmend))
                .ToList(),
            EarlierAgreements = Agreements(state.EarlierAgreements),
            ConfirmedBy = confirmers,
            ViewerMayConfirm = mayConfirm,
            ViewerHasConfirmed = confirmed,
            RecordText = CaseFileRecordRenderer.Render(InTeamTime(session.CurrentProtocol(), state.TimeZoneId)),
            Version = confirmed ? state.ProtocolVersions[^1].Version : state.ProtocolVersions.Count + 1,
            Summary = state.ProtocolTexts.Summary,
            NeedsAndObstacles = state.ProtocolTexts.NeedsAndObstacles,
            ViewerMayEditTexts = viewerId is not null && state.ProtocolVersions.Count == 0 && session.CapabilitiesOf(viewerId).CanEditProtocol,
            ViewerMayCorrect = viewerId is not null && session.CapabilitiesOf(viewerId).CanCorrectProtocol,
            OffersKnowledgeProposal = viewerId is not null && mayConfirm && !confirmed && session.Method.Id == MethodIds.SozialraumRunde,
        };
    }

    /// <summary>The record gives the date in the team's time zone (the document keeps instants).</summary>
    private static ProtocolDocument InTeamTime(ProtocolDocument document, string? timeZoneId)
    {
        if (document.Date is not { } date || string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return document;
        }

        return document with { Date = TimeZoneInfo.ConvertTime(date, zone) };
    }

    /// <summary>The protocol stores only the confirming role; staff roles are shown with their holder's name.</summary>
    private static string ConfirmerName(SessionSnapshot state, ParticipantRole role, UiLanguage language) =>
        role is ParticipantRole.Moderator or ParticipantRole.CasePresenter or ParticipantRole.ProtocolKeeper or ParticipantRole.Adviser
            && state.Participants.FirstOrDefault(p => p.Role == role) is { } holder
            ? holder.DisplayName
            : Labels.For(role).In(Lang(language));

    public static Language Lang(UiLanguage language) => language == UiLanguage.English ? Language.English : Language.German;

    private static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);
}
