using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// Creates the actions of one card: Action.Execute with an Action.Submit fallback, both carrying the same data
/// (verb, requestId, sessionId, expectedVersion and extras). Every action gets its own request id.
/// </summary>
internal sealed class CardActions(CardContext context, SessionRef? session)
{
    public ExecuteAction Execute(
        string title,
        string verb,
        JsonObject? extra = null,
        bool withInputs = false,
        ActionStyle style = ActionStyle.Default)
    {
        var data = Data(verb, extra);
        var inputs = withInputs ? AssociatedInputs.Auto : AssociatedInputs.None;
        return new ExecuteAction(title, verb, data)
        {
            AssociatedInputs = inputs,
            Style = style,
            Fallback = new SubmitAction(title, data) { AssociatedInputs = inputs, Style = style },
        };
    }

    /// <summary>
    /// The automatic refresh: Teams invokes it for each listed user so each role sees its own view. No user ids,
    /// no refresh (an empty list would make Teams offer a manual refresh to everyone).
    /// </summary>
    public CardRefresh? Refresh(string view, IReadOnlyList<string> userIds)
    {
        if (session is null || userIds.Count == 0)
        {
            return null;
        }

        var action = new ExecuteAction("Refresh", CardVerbs.Refresh, Data(CardVerbs.Refresh, new JsonObject { [CardDataKeys.View] = view }));
        // Teams refreshes at most 60 users; the application layer lists role holders first.
        return new CardRefresh(action, userIds.Distinct(StringComparer.Ordinal).Take(AdaptiveCard.MaxRefreshUserIds).ToArray());
    }

    private JsonObject Data(string verb, JsonObject? extra)
    {
        var data = new JsonObject
        {
            [CardDataKeys.Verb] = verb,
            [CardDataKeys.RequestId] = context.NewRequestId(),
        };
        if (session is not null)
        {
            data[CardDataKeys.SessionId] = session.SessionId;
            data[CardDataKeys.ExpectedVersion] = session.ExpectedVersion;
        }

        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                data[key] = value?.DeepClone();
            }
        }

        return data;
    }
}
