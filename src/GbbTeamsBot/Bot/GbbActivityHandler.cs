using System.Collections.Concurrent;
using DiagnosticsActivity = System.Diagnostics.Activity;
using GbbTeamsBot.BotFramework;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;

namespace GbbTeamsBot.Bot;

/// <summary>
/// The bot's turn logic, kept thin: welcome with the help card when installed or added, route commands and card
/// actions to their routes, and fall back to the help card for anything not understood.
/// </summary>
public sealed partial class GbbActivityHandler : IActivityHandler
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    // Teams (and the Playground) send installationUpdate and conversationUpdate for one install; welcome once.
    private static readonly TimeSpan WelcomeWindow = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _welcomed = new(StringComparer.Ordinal);

    private readonly BotRouter _router;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public GbbActivityHandler(BotRouter router, TimeProvider time, ILogger<GbbActivityHandler> logger)
    {
        _router = router;
        _time = time;
        _logger = logger;
    }

    public async Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.IsType(ActivityTypes.Message))
        {
            await OnMessageAsync(turn, cancellationToken);
        }
        else if (IsBotInstalled(activity) && FirstWelcome(turn.Reference.ConversationId))
        {
            LogWelcome(LogSafe.Id(activity.Type));
            await HelpReply.SendAsync(turn, cancellationToken);
        }
    }

    public async Task<InvokeResponse> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!string.Equals(turn.Activity.Name, AdaptiveCardActionInvoke, StringComparison.OrdinalIgnoreCase))
        {
            return InvokeResponse.Empty;
        }

        var language = Teams.ConversationContext.LanguageOf(turn);
        var action = CardAction.From(turn.Activity);
        if (action is null)
        {
            return InvokeResponse.Error(400, "BadRequest", CardTexts.For(language)["Error_CardActionUnreadable"]);
        }

        var route = _router.FindAction(action.Verb);
        if (route is null)
        {
            LogUnknownVerb(LogSafe.Id(action.Verb));
            return InvokeResponse.Card(HelpCard.Build(language, HelpReply.AvailableCommands).ToJson());
        }

        // The route table's own verb (an unknown one never gets here): a kind, not text from the request.
        DiagnosticsActivity.Current?.SetTag("gbb.card.verb", route.Verb);
        return await route.HandleAsync(turn, action, cancellationToken);
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (CardAction.From(turn.Activity) is { } submitted && _router.FindAction(submitted.Verb) is { } actionRoute)
        {
            await actionRoute.HandleAsync(turn, submitted, cancellationToken);
            return;
        }

        if (_router.FindCommand(turn.TextWithoutMentions) is { } command)
        {
            await command.Route.HandleAsync(turn, command.Arguments, cancellationToken);
            return;
        }

        await HelpReply.SendAsync(turn, cancellationToken);
    }

    private static bool IsBotInstalled(Activity activity)
    {
        if (activity.IsType(ActivityTypes.InstallationUpdate))
        {
            return string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase);
        }

        return activity.IsType(ActivityTypes.ConversationUpdate)
            && activity.Recipient?.Id is { Length: > 0 } botId
            && activity.MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)) == true;
    }

    private bool FirstWelcome(string conversationId)
    {
        var now = _time.GetUtcNow();
        foreach (var (key, at) in _welcomed)
        {
            if (now - at > WelcomeWindow)
            {
                _welcomed.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, at));
            }
        }

        return _welcomed.TryAdd(conversationId, now);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot added ({ActivityType}); sending the help card")]
    private partial void LogWelcome(string? activityType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action with unknown verb {Verb}; answering with the help card")]
    private partial void LogUnknownVerb(string verb);
}
