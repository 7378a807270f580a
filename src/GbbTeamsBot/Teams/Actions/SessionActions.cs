using System.Text.Json.Nodes;
using GbbTeamsBot.BotFramework;
using GbbTeamsBot.Application;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Notifications;
using GbbTeamsBot.Teams.Resources;
using CardKind = GbbTeamsBot.Cards.ViewModels.ContributionKind;
using ResourceArea = GbbTeamsBot.Cards.ViewModels.ResourceArea;
using IdeaLevel = GbbTeamsBot.Cards.ViewModels.IdeaLevel;
using LifeDomain = GbbTeamsBot.Cards.ViewModels.LifeDomain;
using TrafficLight = GbbTeamsBot.Cards.ViewModels.TrafficLight;

namespace GbbTeamsBot.Teams.Actions;

/// <summary>
/// Handles the card actions of a running session: parse the data, run one use case, answer the user who acted with
/// their own updated view (or a clear refusal that changed nothing). The shared card is replaced by the notifier
/// after every stored change.
/// </summary>
public sealed partial class SessionActions(
    SessionService sessions,
    SessionSetupFlow setup,
    AgreementStatusService agreementStatus,
    Commands.OpenAgreementsList openAgreements,
    ConversationPreferences preferences,
    TimeProvider time,
    ILogger<SessionActions> logger)
{
    /// <summary>How many minutes "+n Min." may add in one step.</summary>
    public const int MaxExtendMinutes = 30;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var who = ConversationContext.From(turn);
        preferences.Remember(who);
        var data = new CardData(action.Data);
        var context = who.Cards(time.GetUtcNow());
        if (data.SessionId is not { } sessionId || data.HasMalformedControlValues)
        {
            return await AnswerAsync(turn, ActionResultCard.Build(new MessageView(MessageCode.InvalidInput), context), cancellationToken);
        }

        var address = new SessionAddress(who.TenantId, who.TeamKey, sessionId);
        LogAction(LogSafe.Id(action.Verb), LogSafe.Id(sessionId));
        var card = action.Verb switch
        {
            CardVerbs.SessionStart => await setup.SubmitAsync(turn, who, address, data, cancellationToken),
            CardVerbs.Refresh or CardVerbs.ViewShow => await ShowAsync(who, address, data.View, context, cancellationToken),
            CardVerbs.ProtocolShow => await ShowAsync(who, address, CardViews.Protocol, context, cancellationToken),
            CardVerbs.ProtocolRecordText => await RecordTextAsync(who, address, context, cancellationToken),
            CardVerbs.AgreementRemove => SessionScreens.Message(TeamsTexts.For(who.Language)["Agreement_RemoveNotAvailable"], isError: true),
            CardVerbs.AgreementDone => await MarkAgreementDoneAsync(turn, who, address, data, cancellationToken),
            CardVerbs.IdeaChoose => await ChooseIdeasAsync(who, address, data, context, cancellationToken),
            CardVerbs.ConsentConfirm => await ConsentAsync(who, address, data, context, cancellationToken),
            _ => await CommandAsync(who, address, action.Verb, data, context, cancellationToken),
        };
        return await AnswerAsync(turn, card, cancellationToken);
    }

    /// <summary>"Erledigt" on the team's list: the agreement is stored as done and the list comes back without it.</summary>
    private async Task<AdaptiveCard> MarkAgreementDoneAsync(TurnContext turn, ConversationContext who, SessionAddress address, CardData data, CancellationToken cancellationToken)
    {
        var agreementId = data.String(CardDataKeys.AgreementId);
        var change = agreementId is { Length: > 0 and <= 128 }
            ? await agreementStatus.SetStatusAsync(address.TenantId, address.TeamId, address.SessionId, agreementId, AgreementStatus.Done, cancellationToken)
            : AgreementStatusChange.NotFound;
        return change switch
        {
            AgreementStatusChange.NotFound => SessionScreens.Message(TeamsTexts.For(who.Language)["Agreement_NotFound"], isError: true),
            AgreementStatusChange.Conflict => ActionResultCard.Build(new MessageView(MessageCode.TryAgainLater), who.Cards(time.GetUtcNow())),
            _ => await openAgreements.BuildAsync(turn, who, cancellationToken),
        };
    }

    /// <summary>Invokes get the card as their answer; the Action.Submit fallback (a message) gets it as a reply.</summary>
    private static async Task<InvokeResponse> AnswerAsync(TurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (!turn.Activity.IsInvoke)
        {
            await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
        }

        return InvokeResponse.Card(card.ToJson());
    }

    private async Task<AdaptiveCard> ShowAsync(ConversationContext who, SessionAddress address, string? view, CardContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(address, cancellationToken);
        return session is null
            ? NotFound(who, context)
            : SessionScreens.Render(session, view, who.UserId, context);
    }

    private async Task<AdaptiveCard> RecordTextAsync(ConversationContext who, SessionAddress address, CardContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(address, cancellationToken);
        return session is null
            ? NotFound(who, context)
            : RecordTextCard.Build(SessionViewMapper.Protocol(session, who.UserId, who.Language, context.Now), context);
    }

    private async Task<AdaptiveCard> CommandAsync(ConversationContext who, SessionAddress address, string verb, CardData data, CardContext context, CancellationToken cancellationToken)
    {
        var actor = who.UserId;
        SessionView? current = null;
        if (verb is CardVerbs.SessionNext or CardVerbs.SessionFinish)
        {
            // "Next" on a prepared session starts it; "finish" on the last phase ends it regularly.
            current = await sessions.GetAsync(address, cancellationToken);
            if (current is null)
            {
                return NotFound(who, context);
            }
        }

        var (command, view, problem) = verb switch
        {
            CardVerbs.SessionNext => (current!.Status == SessionStatus.Prepared ? new StartSession(actor) : (SessionCommand)new AdvancePhase(actor), (string?)null, (MessageView?)null),
            CardVerbs.SessionBack => (new ReturnToPreviousPhase(actor), null, null),
            CardVerbs.SessionPause => (new PauseSession(actor), null, null),
            CardVerbs.SessionResume => (new ResumeSession(actor), null, null),
            CardVerbs.SessionFinish => (current!.State.CurrentPhaseIndex == current.Method.Phases.Count - 1 ? new AdvancePhase(actor) : new FinishEarly(actor), null, null),
            CardVerbs.SessionExtend => data.Int(CardDataKeys.Minutes) is { } minutes and >= 1 and <= MaxExtendMinutes
                ? (new ExtendTotal(actor, TimeSpan.FromMinutes(minutes), AddToCurrentPhase: true), null, null)
                : (null, null, new MessageView(MessageCode.InvalidInput)),
            CardVerbs.ContributionAdd => Contribution(actor, data),
            CardVerbs.AgreementAdd => Agreement(actor, data),
            CardVerbs.ProtocolConfirm => (new ConfirmProtocol(actor), CardViews.Protocol, null),
            _ => (null, null, new MessageView(MessageCode.InvalidInput)),
        };

        if (command is null)
        {
            return ActionResultCard.Build(problem ?? new MessageView(MessageCode.InvalidInput), context);
        }

        // Additions (entries, agreements) do not conflict with other people's additions, so they are not tied to the
        // card's version; the request id still catches double clicks and the domain checks the phase and role.
        var expected = verb is CardVerbs.ContributionAdd or CardVerbs.AgreementAdd ? null : data.ExpectedVersion;
        var outcome = await sessions.ExecuteAsync(address, command, expected, data.RequestKey(actor), cancellationToken);

        // The Sozialraum-Runde card has one "finish round" button: it runs through the remaining phases to the regular end.
        for (var step = 1; verb == CardVerbs.SessionNext && outcome is { IsAccepted: true, IsDuplicate: false, Session: { } round }
            && round.Method.Id == Domain.Methods.MethodIds.SozialraumRunde && round.Status == SessionStatus.Running && step < round.Method.Phases.Count; step++)
        {
            outcome = await sessions.ExecuteAsync(address, new AdvancePhase(actor), outcome.Version, data.RequestKey(actor) is { } id ? $"{id}:{step}" : null, cancellationToken);
        }

        return Answer(who, outcome, view, data, context);
    }

    /// <summary>The user's answer to a command outcome: their view (with a notice for repeats and stale cards) or a refusal.</summary>
    internal AdaptiveCard Answer(ConversationContext who, CommandOutcome outcome, string? view, CardData data, CardContext context)
    {
        var session = outcome.Session;
        switch (outcome.Status)
        {
            case CommandStatus.Accepted when session is not null:
                var notice = outcome.IsDuplicate ? new MessageView(MessageCode.DuplicateRequest) : null;
                return SessionScreens.Render(session, view, who.UserId, context, notice);
            case CommandStatus.Rejected when session is not null && outcome.Rejection?.Code == RejectionCode.StaleVersion:
                LogRefused(LogSafe.Id(session.Address.SessionId), RejectionCode.StaleVersion);
                return SessionScreens.Render(session, view, who.UserId, context, new MessageView(MessageCode.StaleCard));
            case CommandStatus.Rejected when session is not null:
                LogRefused(LogSafe.Id(session.Address.SessionId), outcome.Rejection?.Code);
                return SessionScreens.Refusal(outcome.Rejection!.Message, outcome.Rejection, session.Address.SessionId, session.Version, data.ToJsonObject(), context);
            case CommandStatus.SessionNotFound:
                return NotFound(who, context);
            default:
                return SessionScreens.Message(outcome.Message?.In(SessionViewMapper.Lang(who.Language)) ?? TeamsTexts.For(who.Language)["Outcome_TryAgain"], isError: true);
        }
    }

    private static (SessionCommand? Command, string? View, MessageView? Problem) Contribution(string actor, CardData data)
    {
        var confirmed = data.ConfirmedDespiteWarnings;
        var text = data.Text(CardDataKeys.Text) ?? string.Empty;
        var kind = data.Enum<CardKind>(CardDataKeys.Kind);
        ContributionDraft? draft = kind switch
        {
            CardKind.ClarifyingQuestion => new ClarifyingQuestionDraft(text),
            CardKind.Resource when data.Enum<ResourceArea>(CardDataKeys.Area) is { } area => new ResourceDraft(CardVocabulary.Area(area), text),
            CardKind.Idea when data.Enum<IdeaLevel>(CardDataKeys.Level) is { } level => new IdeaDraft(CardVocabulary.Level(level), text),
            CardKind.Ampeltorte when data.Enum<LifeDomain>(CardDataKeys.Domain) is { } domain && data.Enum<TrafficLight>(CardDataKeys.Light) is { } light =>
                new AmpelDraft(CardVocabulary.Domain(domain), CardVocabulary.Light(light), data.Text(CardDataKeys.Text)),
            CardKind.RoundEntry when data.Enum<RoundCategory>(CardDataKeys.Category) is { } category =>
                new NeighbourhoodDraft(CardVocabulary.Category(category), text, data.Text(CardDataKeys.Place)),
            CardKind.HelperSystem => new HelperSystemDraft(data.Text(CardDataKeys.Agency) ?? string.Empty, data.Text(CardDataKeys.Mandate) ?? string.Empty, data.Text(CardDataKeys.Activities) ?? string.Empty),
            // The card asks for the project in one text; the domain's further fields get a dash until the card asks for them.
            CardKind.ProjectInput => new ProjectBriefDraft(text, "–", "–", "–", null),
            CardKind.Note => new StatementDraft(text),
            _ => null,
        };

        if (kind == CardKind.FocusQuestion)
        {
            return (new SetFocusQuestion(actor, text, confirmed), null, null);
        }

        return draft is null
            ? (null, null, new MessageView(MessageCode.InvalidInput))
            : (new AddContribution(actor, draft, confirmed), null, null);
    }

    private static (SessionCommand? Command, string? View, MessageView? Problem) Agreement(string actor, CardData data)
    {
        var due = data.Date(CardDataKeys.Due, out var invalidDate);
        if (invalidDate)
        {
            return (null, null, new MessageView(MessageCode.InvalidInput));
        }

        var party = data.Enum<ResponsibleParty>(CardDataKeys.Party);
        var draft = new AgreementDraft(data.Text(CardDataKeys.What) ?? string.Empty, party is { } p ? CardVocabulary.Owner(p) : null, data.Text(CardDataKeys.Who), due);
        return (new RecordAgreement(actor, draft, data.ConfirmedDespiteWarnings), CardViews.Agreements, null);
    }

    /// <summary>The case presenter's choice: every listed idea chosen, every other chosen idea un-chosen.</summary>
    private async Task<AdaptiveCard> ChooseIdeasAsync(ConversationContext who, SessionAddress address, CardData data, CardContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(address, cancellationToken);
        if (session is null)
        {
            return NotFound(who, context);
        }

        var chosen = data.List(CardDataKeys.ChosenIdeaIds).ToHashSet(StringComparer.Ordinal);
        var changes = session.State.Contributions
            .Where(c => c.IsVisible && c.Kind == Domain.Methods.ContributionKind.Idea && c.Chosen != chosen.Contains(c.Id))
            .Select(c => new ChooseIdea(who.UserId, c.Id, chosen.Contains(c.Id)))
            .ToList();
        if (changes.Count == 0)
        {
            // Nothing to change is still checked, so a wrong role or a stale card gets its clear answer.
            var probe = await sessions.ExecuteAsync(address, new ChooseIdea(who.UserId, "-", true), data.ExpectedVersion, null, cancellationToken);
            return probe.Rejection?.Code is RejectionCode.ContributionNotFound
                ? SessionScreens.Render(probe.Session ?? session, CardViews.Ideas, who.UserId, context)
                : Answer(who, probe, CardViews.Ideas, data, context);
        }

        CommandOutcome outcome = null!;
        var expected = data.ExpectedVersion;
        foreach (var change in changes)
        {
            var requestId = data.RequestKey(who.UserId) is { } id ? id + ":" + change.ContributionId : null;
            outcome = await sessions.ExecuteAsync(address, change, expected, requestId, cancellationToken);
            if (!outcome.IsAccepted)
            {
                break;
            }

            expected = outcome.Version;
        }

        return Answer(who, outcome, CardViews.Ideas, data, context);
    }

    /// <summary>Helferkonferenz: no consent, no conference. With consent the moderator's confirmation also starts the session.</summary>
    private async Task<AdaptiveCard> ConsentAsync(ConversationContext who, SessionAddress address, CardData data, CardContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(address, cancellationToken);
        if (session is null)
        {
            return NotFound(who, context);
        }

        if (data.Bool(CardDataKeys.Consent) != true)
        {
            var missing = Rejections.ConsentMissing();
            return SessionScreens.Refusal(missing.Message, missing, session.Address.SessionId, session.Version, null, context);
        }

        var now = time.GetUtcNow();
        var draft = new ConsentDraft(now.AddSeconds(-1), now.AddDays(180), [], data.Bool(CardDataKeys.Release) == true);
        var outcome = await sessions.ExecuteAsync(address, new RecordConsent(who.UserId, draft), data.ExpectedVersion, data.RequestKey(who.UserId), cancellationToken);
        if (outcome.IsAccepted && !outcome.IsDuplicate && outcome.Session is { Status: SessionStatus.Prepared } prepared
            && prepared.State.Participants.Any(p => p.Id == who.UserId && p.Role == Domain.Methods.ParticipantRole.Moderator))
        {
            var requestId = data.RequestKey(who.UserId) is { } id ? id + ":start" : null;
            outcome = await sessions.ExecuteAsync(address, new StartSession(who.UserId), outcome.Version, requestId, cancellationToken);
        }

        return Answer(who, outcome, null, data, context);
    }

    private static AdaptiveCard NotFound(ConversationContext who, CardContext context) =>
        SessionScreens.Message(TeamsTexts.For(who.Language)["Outcome_SessionNotFound"], isError: true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb} for session {SessionId}")]
    private partial void LogAction(string verb, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: action refused ({RejectionCode})")]
    private partial void LogRefused(string sessionId, RejectionCode? rejectionCode);
}

/// <summary>One registered verb; all session verbs share <see cref="SessionActions"/>.</summary>
public sealed class SessionVerbRoute(string verb, SessionActions actions) : ICardActionRoute
{
    public string Verb { get; } = verb;

    public Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken) =>
        actions.HandleAsync(turn, action, cancellationToken);
}
