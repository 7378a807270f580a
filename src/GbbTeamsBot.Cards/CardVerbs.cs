namespace GbbTeamsBot.Cards;

/// <summary>
/// Verbs of the card actions. Action.Execute sends them as <c>action.verb</c>; every action's data also carries
/// <c>verb</c> (so the Action.Submit fallback, which arrives as a message, has it too), <c>requestId</c> and, for
/// session actions, <c>sessionId</c> and <c>expectedVersion</c>. Input values are merged into the data by the client.
/// </summary>
public static class CardVerbs
{
    public const string Refresh = "gbb.card.refresh";

    public const string SessionStart = "gbb.session.start";
    public const string SessionNext = "gbb.session.next";
    public const string SessionBack = "gbb.session.back";
    public const string SessionExtend = "gbb.session.extend";
    public const string SessionPause = "gbb.session.pause";
    public const string SessionResume = "gbb.session.resume";
    public const string SessionFinish = "gbb.session.finish";

    public const string ContributionAdd = "gbb.contribution.add";
    public const string IdeaChoose = "gbb.idea.choose";
    public const string ConsentConfirm = "gbb.consent.confirm";

    public const string AgreementAdd = "gbb.agreement.add";
    public const string AgreementRemove = "gbb.agreement.remove";
    public const string AgreementDone = "gbb.agreement.done";

    /// <summary>Undo of "Erledigt" on the team's list: the agreement is open again.</summary>
    public const string AgreementReopen = "gbb.agreement.reopen";
    /// <summary>Another page of the team's open agreements (data: <see cref="CardDataKeys.Page"/>); not a session verb.</summary>
    public const string AgreementsPage = "gbb.agreements.page";

    /// <summary>A later session reviews an earlier agreement (data: agreementId, <see cref="CardDataKeys.Status"/>, reason).</summary>
    public const string AgreementReview = "gbb.agreement.review";

    /// <summary>"Erledigt" on a reminder card (data: team, sessionId, agreementId); works in the personal chat too.</summary>
    public const string ReminderDone = "gbb.reminder.done";

    /// <summary>"Neues Datum" on a reminder card (data: team, sessionId, agreementId, input <see cref="CardDataKeys.Due"/>).</summary>
    public const string ReminderReschedule = "gbb.reminder.reschedule";

    /// <summary>The Protokoll role saves summary and needs/obstacles (inputs <see cref="CardDataKeys.Summary"/>, <see cref="CardDataKeys.Needs"/>).</summary>
    public const string ProtocolTexts = "gbb.protocol.texts";

    /// <summary>A confirmed protocol is corrected: a new version with the texts and a reason, to be confirmed again.</summary>
    public const string ProtocolCorrect = "gbb.protocol.correct";

    public const string ProtocolConfirm = "gbb.protocol.confirm";
    public const string ProtocolShow = "gbb.protocol.show";
    public const string ProtocolRecordText = "gbb.protocol.recordText";

    public const string ViewShow = "gbb.view.show";

    public const string CaseDelete = "gbb.case.delete";
    public const string CaseDeleteCancel = "gbb.case.deleteCancel";
    /// <summary>Saves the team's settings (language, time zone) from the settings card.</summary>
    public const string SettingsSave = "gbb.settings.save";

    /// <summary>Opens the form for the next meeting (Microsoft 365 calendar; data: sessionId).</summary>
    public const string MeetingPlan = "gbb.meeting.plan";
    /// <summary>Creates the next meeting as an Outlook event with a Teams meeting (data: sessionId and the form's inputs).</summary>
    public const string MeetingSchedule = "gbb.meeting.schedule";
    /// <summary>"Teilnehmen": someone in the conversation joins a session late (as Beratende, or an external role).</summary>
    public const string SessionJoin = "gbb.session.join";
    /// <summary>"Verlassen": a participant leaves the session.</summary>
    public const string SessionLeave = "gbb.session.leave";
    /// <summary>"Übergeben": a role goes to another participant (data: <see cref="CardDataKeys.HandOverTo"/>, <see cref="CardDataKeys.HandOverRole"/>).</summary>
    public const string RoleHandOver = "gbb.role.handover";
    /// <summary>The person withdrew their consent.</summary>
    public const string ConsentWithdraw = "gbb.consent.withdraw";

    /// <summary>Verbs whose data carries sessionId and expectedVersion.</summary>
    public static IReadOnlySet<string> SessionVerbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Refresh, SessionStart, SessionNext, SessionBack, SessionExtend, SessionPause, SessionResume, SessionFinish,
        ContributionAdd, IdeaChoose, ConsentConfirm, AgreementAdd, AgreementRemove, AgreementDone,
        ProtocolConfirm, ProtocolShow, ProtocolRecordText, ViewShow,
        AgreementReview, ProtocolTexts, ProtocolCorrect,
        SessionJoin, SessionLeave, RoleHandOver, ConsentWithdraw,
    };
}

/// <summary>Keys of the action data and of the input ids (input values arrive under their id).</summary>
public static class CardDataKeys
{
    public const string Verb = "verb";
    public const string RequestId = "requestId";
    public const string SessionId = "sessionId";
    public const string ExpectedVersion = "expectedVersion";

    /// <summary>Refresh and gbb.view.show: which view to render (see <see cref="CardViews"/>).</summary>
    public const string View = "view";

    /// <summary>gbb.session.extend: minutes to add.</summary>
    public const string Minutes = "minutes";

    /// <summary>gbb.contribution.add: the <c>ContributionKind</c> name, e.g. "Resource".</summary>
    public const string Kind = "kind";

    /// <summary>The phase (0-based) the card showed when an entry was typed.</summary>
    public const string Phase = "phase";
    public const string AgreementId = "agreementId";

    /// <summary>The sessions counted on a deletion preview: a different count at confirmation means the data changed.</summary>
    public const string SessionCount = "sessionCount";

    /// <summary>The settings card's retention period: months, or "default".</summary>
    public const string RetentionMonths = "retentionMonths";

    /// <summary>The settings card's reminder lead time in working days ("0": no reminders).</summary>
    public const string ReminderDays = "reminderDays";

    /// <summary>gbb.agreements.page: the page to show, counted from 0.</summary>
    public const string Page = "page";

    /// <summary>gbb.agreement.review: the chosen status (an <c>AgreementProgress</c> name, e.g. "Done").</summary>
    public const string Status = "status";

    /// <summary>gbb.agreement.review ("nicht erledigt") and gbb.protocol.correct: the short reason.</summary>
    public const string Reason = "reason";

    /// <summary>Agreements editor: the goal level (Leitziel, Bereichsziel, Handlungsziel) and the responsible colleague's user id.</summary>
    public const string GoalLevel = "goalLevel";
    public const string OwnerId = "ownerId";

    /// <summary>Reminder cards: the agreement's team ("team:…" or "chat:…"), as a reminder may be answered in a personal chat.</summary>
    public const string Team = "team";

    /// <summary>Protocol texts of the Protokoll role.</summary>
    public const string Summary = "summary";
    public const string Needs = "needs";

    /// <summary>Settings card, Microsoft 365 toggles ("true"/"false") and the Planner plan id.</summary>
    public const string GraphCalendar = "graphCalendar";
    public const string GraphPlanner = "graphPlanner";
    public const string GraphFiles = "graphFiles";
    public const string PlannerPlanId = "plannerPlanId";

    /// <summary>gbb.meeting.schedule: date (yyyy-MM-dd), time (HH:mm), minutes and invitees (comma-separated addresses).</summary>
    public const string MeetingDate = "meetingDate";
    public const string MeetingTime = "meetingTime";
    public const string MeetingMinutes = "meetingMinutes";
    public const string MeetingInvitees = "meetingInvitees";

    // Inputs of the setup card.
    public const string Method = "method";
    public const string CasePseudonym = "casePseudonym";
    public const string ModeratorId = "moderatorId";
    public const string ProtocolId = "protocolId";
    public const string PresenterId = "presenterId";

    /// <summary>Comma separated user ids (multi-select).</summary>
    public const string AdviserIds = "adviserIds";
    public const string PlannedMinutes = "plannedMinutes";

    /// <summary>"true" or "false".</summary>
    public const string StartNow = "startNow";

    // Inputs of contributions.
    public const string Text = "text";
    public const string Area = "area";
    public const string Level = "level";
    public const string Domain = "domain";
    public const string Light = "light";
    public const string Category = "category";
    public const string Place = "place";
    public const string Agency = "agency";
    public const string Mandate = "mandate";
    public const string Activities = "activities";

    /// <summary>gbb.idea.choose: comma separated contribution ids the case presenter chose.</summary>
    public const string ChosenIdeaIds = "chosenIdeaIds";

    // Inputs of the agreements editor.
    public const string What = "what";
    public const string Who = "who";
    public const string Party = "party";

    /// <summary>yyyy-MM-dd.</summary>
    public const string Due = "due";

    /// <summary>"true" or "false".</summary>
    public const string Coordinator = "coordinator";

    // Inputs of the consent step ("true"/"false").
    public const string Consent = "consent";
    public const string Release = "release";

    // The live card's hand-over: to whom (participant id) and which role (a RoleKind name).
    public const string HandOverTo = "handOverTo";
    public const string HandOverRole = "handOverRole";

    // The consent record: who gave it (ConsentGiverKind), which agencies (chosen, comma separated, plus free
    // entries), for what, valid until (yyyy-MM-dd), whether the person takes part ("true"/"false").
    public const string ConsentGivenBy = "consentGivenBy";
    public const string ConsentAgencies = "consentAgencies";
    public const string ConsentOtherAgencies = "consentOtherAgencies";
    public const string ConsentPurpose = "consentPurpose";
    public const string ConsentValidUntil = "consentValidUntil";
    public const string ConsentPersonTakesPart = "consentPersonTakesPart";

    // Team settings card.
    public const string Language = "language";
    public const string TimeZone = "timeZone";
}

/// <summary>Values of <see cref="CardDataKeys.View"/>.</summary>
public static class CardViews
{
    public const string Live = "live";
    public const string ResourceMap = "resourceMap";
    public const string Ampeltorte = "ampeltorte";
    public const string Ideas = "ideas";
    public const string Agreements = "agreements";
    public const string Protocol = "protocol";
    public const string Consent = "consent";
    public const string HelperRound = "helperRound";
    public const string SozialraumRunde = "sozialraumRunde";
    public const string Agenda = "agenda";
}

/// <summary>Limits the cards announce to the client (maxLength); the handlers must enforce them too.</summary>
public static class CardLimits
{
    public const int MaxTextLength = 1000;
    public const int MaxShortTextLength = 200;
    public const int MaxPseudonymLength = 40;

    /// <summary>Serialized cards stay below this size (bytes of UTF-8 JSON); Teams allows more, but not much more.</summary>
    public const int MaxCardBytes = 40 * 1024;
}
