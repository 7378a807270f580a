using GbbTeamsBot.Application;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>One card action on a session, as its handler sees it: who acted where, on which session, with what data.</summary>
public sealed record SessionActionRequest(TurnContext Turn, ConversationContext Who, SessionAddress Address, CardData Data, CardContext Context)
{
    public string Actor => Who.UserId;

    /// <summary>
    /// The double-click key of this action (see <see cref="CardData.RequestKey"/>), with a suffix for follow-up commands.
    /// Card data without a request id falls back to the activity's id, so a redelivery taken over after a crash (on
    /// any instance) still meets the first delivery's request row and adds nothing twice.
    /// </summary>
    public string? RequestKey(string? step = null) =>
        (Data.RequestKey(Who.UserId) ?? ActivityRequestKey()) is { } key ? (step is null ? key : key + ":" + step) : null;

    private string? ActivityRequestKey() => Turn.Activity.Id is { Length: > 0 } id ? "activity|" + Who.UserId + "|" + id : null;
}

/// <summary>What every session action handler needs: the use cases, the conversation's preferences, the clock and a logger.</summary>
public sealed class SessionActionServices(SessionService sessions, ConversationPreferences preferences, TimeProvider time, ILogger<SessionActionRoute> logger)
{
    public SessionService Sessions { get; } = sessions;

    public ConversationPreferences Preferences { get; } = preferences;

    public TimeProvider Time { get; } = time;

    public ILogger<SessionActionRoute> Logger { get; } = logger;
}

/// <summary>
/// The shape of every session card verb: read who acted and the typed card data, let the handler run one use case,
/// answer the user who acted with their own view (or a clear refusal that changed nothing). The shared card is
/// replaced by the notifier after every stored change. Invokes get the card as their answer; the Action.Submit
/// fallback (a message) gets it as a reply.
/// </summary>
public abstract partial class SessionActionRoute(SessionActionServices services) : ICardActionRoute
{
    public abstract string Verb { get; }

    protected SessionService Sessions => services.Sessions;

    protected TimeProvider Time => services.Time;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var who = ConversationContext.From(turn);
        services.Preferences.Remember(who);
        var data = new CardData(action.Data);
        var context = who.Cards(services.Time.GetUtcNow());
        AdaptiveCard card;
        if (data.SessionId is not { } sessionId || data.HasMalformedControlValues)
        {
            card = ActionResultCard.Build(new MessageView(MessageCode.InvalidInput), context);
        }
        else
        {
            LogAction(services.Logger, Verb, LogSafe.Id(sessionId));
            card = await HandleAsync(new SessionActionRequest(turn, who, new SessionAddress(who.TenantId, who.TeamKey, sessionId), data, context), cancellationToken);
        }

        return await CardActionAnswer.SendAsync(turn, card, cancellationToken);
    }

    protected abstract Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken);

    /// <summary>Runs one command and answers with the actor's view of the outcome.</summary>
    protected async Task<AdaptiveCard> ExecuteAsync(SessionActionRequest request, SessionCommand command, int? expectedVersion, string? view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await Sessions.ExecuteAsync(request.Address, command, expectedVersion, request.RequestKey(), cancellationToken);
        return Answer(request, outcome, view);
    }

    /// <summary>Shows a view of the session as it is (null: the current phase's own view).</summary>
    protected async Task<AdaptiveCard> ShowAsync(SessionActionRequest request, string? view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Sessions.GetAsync(request.Address, cancellationToken) is { } session
            ? SessionScreens.Render(session, view, request.Actor, request.Context)
            : NotFound(request);
    }

    /// <summary>The user's answer to a command outcome: their view (with a notice for repeats and stale cards) or a refusal.</summary>
    protected AdaptiveCard Answer(SessionActionRequest request, CommandOutcome outcome, string? view)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        var session = outcome.Session;
        switch (outcome.Status)
        {
            case CommandStatus.Accepted when session is not null:
                var notice = outcome.IsDuplicate ? new MessageView(MessageCode.DuplicateRequest) : null;
                return SessionScreens.Render(session, view, request.Actor, request.Context, notice);
            case CommandStatus.Rejected when session is not null && outcome.Rejection?.Code == RejectionCode.StaleVersion:
                LogRefused(services.Logger, LogSafe.Id(session.Address.SessionId), RejectionCode.StaleVersion);
                return SessionScreens.Render(session, view, request.Actor, request.Context, new MessageView(MessageCode.StaleCard));
            case CommandStatus.Rejected when session is not null:
                LogRefused(services.Logger, LogSafe.Id(session.Address.SessionId), outcome.Rejection?.Code);
                return SessionScreens.Refusal(outcome.Rejection!.Message, outcome.Rejection, session.Address.SessionId, session.Version, request.Data.ToJsonObject(), SessionScreens.For(session, request.Context));
            case CommandStatus.SessionNotFound:
                return NotFound(request);
            default:
                return SessionScreens.Message(outcome.Message?.In(SessionViewMapper.Lang(request.Who.Language)) ?? TeamsTexts.For(request.Who.Language)["Outcome_TryAgain"], isError: true);
        }
    }

    protected static AdaptiveCard NotFound(SessionActionRequest request) =>
        SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Outcome_SessionNotFound"], isError: true);

    protected static AdaptiveCard InvalidInput(SessionActionRequest request) =>
        ActionResultCard.Build(new MessageView(MessageCode.InvalidInput), request.Context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb} for session {SessionId}")]
    private static partial void LogAction(ILogger logger, string verb, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: action refused ({RejectionCode})")]
    private static partial void LogRefused(ILogger logger, string sessionId, RejectionCode? rejectionCode);
}
