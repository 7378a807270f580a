using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Privacy;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Notifications;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>
/// From a command to a running session: post the setup card (method, pseudonym, roles from the conversation's
/// members, duration), then on submit create the session, turn the setup card into the shared live card (PUT) and
/// start it when the moderator submitted it with "start now".
/// </summary>
public sealed partial class SessionSetupFlow(
    SessionService sessions,
    ConversationMembers members,
    SharedCardUpdater sharedCards,
    TeamQueries queries,
    TeamSettingsService teamSettings,
    TimeProvider time,
    ILogger<SessionSetupFlow> logger)
{
    /// <summary>Methods the setup card offers, in the card's vocabulary.</summary>
    public static readonly IReadOnlyList<MethodKind> SetupMethods = SetupRules.SetupMethodIds.Select(CardVocabulary.Method).ToList();

    /// <summary>Replies with a setup card for <paramref name="method"/>; its draft id becomes the session's id on submit.</summary>
    public async Task PostSetupCardAsync(TurnContext turn, MethodKind method, string? pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var roster = await members.GetAsync(turn, cancellationToken);
        var view = SetupView(method, roster, who.UserId) with { CasePseudonym = pseudonym, RunningHere = await RunningHereAsync(who, cancellationToken) };
        var card = SetupCard.Build(view, who.Cards(time.GetUtcNow()));
        await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
    }

    private static SetupView SetupView(MethodKind method, IReadOnlyList<MemberView> roster, string userId)
    {
        var definition = MethodCatalog.Default.TryGet(CardVocabulary.MethodId(method), out var found) ? found : null;
        return new SetupView(new SessionRef(Guid.NewGuid().ToString("N"), 0), roster)
        {
            Method = method,
            ModeratorId = userId,
            Methods = SetupMethods,
            MinMinutes = (int)(definition?.Budget.MinTotal.TotalMinutes ?? 10),
            MaxMinutes = (int)(definition?.Budget.MaxTotal.TotalMinutes ?? 180),
            PlannedMinutes = (int?)definition?.DefaultTotal.TotalMinutes,
            RequiredRoles = definition is null
                ? []
                : definition.Roles.Where(r => r.MinToStart > 0 && r.Role != ParticipantRole.Moderator).Select(r => CardVocabulary.Role(r.Role)).ToList(),
        };
    }

    /// <summary>The team's running sessions, for the setup card's "Hier läuft schon" hints.</summary>
    private async Task<IReadOnlyList<RunningSessionHint>> RunningHereAsync(ConversationContext who, CancellationToken cancellationToken)
    {
        var hints = new List<RunningSessionHint>();
        // The session list only (no session reads), so the setup card comes at once even in a busy team.
        hints.AddRange((await queries.ListSessionsAsync(who.TenantId, who.TeamKey, cancellationToken: cancellationToken))
            .Where(s => s.Status is nameof(SessionStatus.Running) or nameof(SessionStatus.Paused) && !string.IsNullOrEmpty(s.CaseReference))
            .Take(5)
            .Select(s => new RunningSessionHint(new SessionRef(s.SessionId, (int)s.Version), s.CaseReference!)));
        return hints;
    }

    /// <summary>The setup card was submitted: validate (domain rules), create (all or nothing), show the live card, start.</summary>
    public async Task<AdaptiveCard> SubmitAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (turn, who, address, data, context) = (request.Turn, request.Who, request.Address, request.Data, request.Context);
        var existing = await sessions.GetAsync(address, cancellationToken);
        if (existing is not null)
        {
            // A repeated submit (double click, or a second person): the session exists, show it as it is.
            return SessionScreens.Render(existing, null, who.UserId, context, new MessageView(MessageCode.DuplicateRequest));
        }

        var roster = await members.GetAsync(turn, cancellationToken);
        var method = data.Enum<MethodKind>(CardDataKeys.Method);
        var view = SetupView(method ?? MethodKind.KollegialeBeratung, roster, who.UserId) with
        {
            Draft = new SessionRef(address.SessionId, 0),
            CasePseudonym = data.Text(CardDataKeys.CasePseudonym),
            ModeratorId = data.Text(CardDataKeys.ModeratorId),
            ProtocolId = data.Text(CardDataKeys.ProtocolId),
            PresenterId = data.Text(CardDataKeys.PresenterId),
            AdviserIds = data.List(CardDataKeys.AdviserIds),
            PlannedMinutes = data.Int(CardDataKeys.PlannedMinutes),
        };
        if (method is null)
        {
            return SetupCard.Build(view with { Errors = [new MessageView(MessageCode.InvalidInput)] }, context);
        }

        var choices = new SetupChoices(CardVocabulary.MethodId(method.Value))
        {
            CasePseudonym = view.CasePseudonym,
            ModeratorId = view.ModeratorId,
            ProtocolKeeperId = view.ProtocolId,
            CasePresenterId = view.PresenterId,
            AdviserIds = view.AdviserIds,
            PlannedMinutes = view.PlannedMinutes,
        };
        var names = roster.ToDictionary(m => m.UserId, m => m.DisplayName, StringComparer.Ordinal);
        var (setup, problems) = SetupRules.Validate(choices, names.Keys.ToHashSet(StringComparer.Ordinal));
        if (setup is null)
        {
            LogSetupInvalid(problems.Count);
            return SetupCard.Build(view with { Errors = problems.Select(p => Message(p, who.Language)).ToList() }, context);
        }

        var definition = setup.Method;
        var moderatorId = setup.ModeratorId;
        var create = new CreateSessionRequest(address.TenantId, address.TeamId, who.ConversationId, moderatorId, names[moderatorId], definition.Id)
        {
            SessionId = address.SessionId,
            Settings = await teamSettings.GetAsync(address.TenantId, address.TeamId, cancellationToken),
            CaseReference = setup.CaseReference,
            PhasePlan = setup.PhasePlan,
            Participants = setup.Participants
                .Where(c => c.Role != ParticipantRole.Moderator)
                .Select(c => new InitialParticipant(c.Id, names[c.Id], c.Role == ParticipantRole.Adviser ? null : c.Role))
                .ToList(),
        };
        var created = await sessions.CreateAsync(create, cancellationToken);
        if (created.RunningSessionId is { } runningId
            && await sessions.GetAsync(new SessionAddress(address.TenantId, address.TeamId, runningId), cancellationToken) is { } alreadyRunning)
        {
            // One running session per case: answer with the running one (nothing new was stored), ready to go on with.
            LogCaseAlreadyRunning(runningId);
            return SessionScreens.Render(alreadyRunning, null, who.UserId, context, new MessageView(MessageCode.CaseAlreadyRunning, SessionViewMapper.Pseudonym(alreadyRunning)));
        }

        if (created.Session is not { } session)
        {
            var problem = created.Rejection?.Code switch
            {
                RejectionCode.InvalidCaseReference => new SetupProblem(SetupProblemKind.PseudonymLooksPersonal),
                RejectionCode.TotalOutOfRange or RejectionCode.InvalidPlan => new SetupProblem(SetupProblemKind.DurationOutOfRange)
                {
                    MinMinutes = (int)definition.Budget.MinTotal.TotalMinutes,
                    MaxMinutes = (int)definition.Budget.MaxTotal.TotalMinutes,
                },
                _ => new SetupProblem(SetupProblemKind.UnknownMethod),
            };
            return SetupCard.Build(view with { Errors = [Message(problem, who.Language)] }, context);
        }

        LogCreated(session.Address.SessionId, definition.Id);

        // The setup card becomes the shared live card: everyone sees the session where it was set up.
        var cardActivityId = turn.Activity.ReplyToId;
        if (!string.IsNullOrEmpty(cardActivityId))
        {
            await sessions.SetLiveCardAsync(session.Address, new LiveCardLocation(who.ConversationId, cardActivityId), cancellationToken);
        }
        else
        {
            var posted = await turn.SendAsync(Activity.CreateCard(SessionScreens.Render(session, null, null, context).ToJson()), cancellationToken);
            if (posted?.Id is { Length: > 0 } postedId)
            {
                await sessions.SetLiveCardAsync(session.Address, new LiveCardLocation(who.ConversationId, postedId), cancellationToken);
            }
        }

        session = await sessions.GetAsync(session.Address, cancellationToken) ?? session;
        var startNow = data.Bool(CardDataKeys.StartNow) != false;
        if (startNow && moderatorId == who.UserId && !(definition.RequiresConsent && session.State.Consent is null))
        {
            var started = await sessions.ExecuteAsync(session.Address, new StartSession(moderatorId), session.Version, request.RequestKey("start"), cancellationToken);
            if (started.Session is { } running)
            {
                var notice = started.IsAccepted ? new MessageView(MessageCode.SessionStarted) : null;
                return started.IsAccepted || started.Rejection is null
                    ? SessionScreens.Render(running, null, who.UserId, context, notice)
                    : SessionScreens.Refusal(started.Rejection.Message, started.Rejection, running.Address.SessionId, running.Version, null, context);
            }
        }

        // Not started (consent first, or someone else moderates): show the prepared session to everyone.
        await sharedCards.UpdateAsync(session, cancellationToken);
        return SessionScreens.Render(session, null, who.UserId, context);
    }

    /// <summary>A setup problem as the card's message, with the role names and limits in the user's language.</summary>
    private static MessageView Message(SetupProblem problem, UiLanguage language)
    {
        var t = CardTexts.For(language);
        string Role(ParticipantRole? role) => t["Role_" + CardVocabulary.Role(role ?? ParticipantRole.Adviser)];
        return problem.Kind switch
        {
            SetupProblemKind.PseudonymRequired => new MessageView(MessageCode.PseudonymRequired),
            SetupProblemKind.PseudonymLooksPersonal => new MessageView(MessageCode.PseudonymLooksPersonal),
            SetupProblemKind.RoleMissing => new MessageView(MessageCode.RoleMissing, Role(problem.Role)),
            SetupProblemKind.RoleTakenTwice => new MessageView(MessageCode.RoleTakenTwice, Role(problem.Role), Role(problem.OtherRole)),
            SetupProblemKind.DurationOutOfRange => new MessageView(
                MessageCode.DurationOutOfRange, (problem.MinMinutes ?? 0).ToString(t.Culture), (problem.MaxMinutes ?? 0).ToString(t.Culture)),
            _ => new MessageView(MessageCode.InvalidInput),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Setup refused: session {SessionId} of the same case is running")]
    private partial void LogCaseAlreadyRunning(string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Setup card submitted with {ErrorCount} problems; shown again")]
    private partial void LogSetupInvalid(int errorCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} created from the setup card ({MethodId})")]
    private partial void LogCreated(string sessionId, string methodId);
}
