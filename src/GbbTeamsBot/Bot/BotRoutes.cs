using System.Text.Json;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.Bot;

/// <summary>A text command such as "hilfe" or "kb". Register implementations in DI; the first word of a message selects one.</summary>
public interface IBotCommandRoute
{
    /// <summary>Words (case-insensitive) that select this command, in every UI language.</summary>
    IReadOnlyCollection<string> Words { get; }

    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>A card action (Action.Execute verb, or the Action.Submit fallback carrying data.verb).</summary>
public interface ICardActionRoute
{
    string Verb { get; }

    Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken);
}

/// <summary>What a card sent: its verb and data (inputs merged in by the client). Data stays raw JSON for the route to parse.</summary>
public sealed record CardAction(string Verb, JsonElement? Data, bool IsAutomaticRefresh)
{
    /// <summary>Reads an adaptiveCard/action invoke value, or a message's Action.Submit value with a "verb" field.</summary>
    public static CardAction? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        if (activity.IsInvoke)
        {
            var action = Json.Property(value, "action");
            var verb = action is { } a ? Json.String(a, "verb") : null;
            var type = action is { } b ? Json.String(b, "type") : null;
            if (string.IsNullOrWhiteSpace(verb) || !string.Equals(type, "Action.Execute", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var trigger = Json.String(value, "trigger");
            return new CardAction(verb, action is { } c ? Json.Property(c, "data") : null, string.Equals(trigger, "automatic", StringComparison.OrdinalIgnoreCase));
        }

        var submitted = Json.String(value, "verb");
        return string.IsNullOrWhiteSpace(submitted) ? null : new CardAction(submitted, value, false);
    }
}

/// <summary>Finds the route for a command word or a verb. Unknown input has no route; the handler then shows help.</summary>
public sealed class BotRouter
{
    private readonly Dictionary<string, IBotCommandRoute> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ICardActionRoute> _actions = new(StringComparer.Ordinal);

    public BotRouter(IEnumerable<IBotCommandRoute> commands, IEnumerable<ICardActionRoute> actions)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var command in commands)
        {
            foreach (var word in command.Words)
            {
                if (!_commands.TryAdd(word.Trim(), command))
                {
                    throw new InvalidOperationException($"Command word '{word}' is registered twice.");
                }
            }
        }

        foreach (var action in actions)
        {
            if (!_actions.TryAdd(action.Verb, action))
            {
                throw new InvalidOperationException($"Card verb '{action.Verb}' is registered twice.");
            }
        }
    }

    /// <summary>Matches the longest registered command at the start of the text (so "kollegiale beratung" beats "kollegiale").</summary>
    public (IBotCommandRoute Route, string Arguments)? FindCommand(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', '!', '?');
        foreach (var (word, route) in _commands.OrderByDescending(c => c.Key.Length))
        {
            if (trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == word.Length || char.IsWhiteSpace(trimmed[word.Length])))
            {
                return (route, trimmed[word.Length..].Trim());
            }
        }

        return null;
    }

    public ICardActionRoute? FindAction(string verb) => _actions.GetValueOrDefault(verb);
}
