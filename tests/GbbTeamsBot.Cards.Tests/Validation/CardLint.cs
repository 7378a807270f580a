using System.Text;
using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards.Tests.Validation;

/// <summary>
/// Checks the adaptivecards library does not make (it reports nothing for an Action.Execute without verb, an
/// Image without url or an empty FactSet) plus our own contract: size, version, verbs, action data, refresh.
/// </summary>
internal static class CardLint
{
    public static IEnumerable<CardEvent> Check(JsonObject card)
    {
        var size = Encoding.UTF8.GetByteCount(card.ToJsonString());
        if (size >= CardLimits.MaxCardBytes)
        {
            yield return Event("CardTooLarge", $"{size} bytes; the limit is {CardLimits.MaxCardBytes}.");
        }

        if ((string?)card["type"] != "AdaptiveCard" || (string?)card["version"] != AdaptiveCard.Version)
        {
            yield return Event("WrongTypeOrVersion", $"type={card["type"]}, version={card["version"]}");
        }

        if (card["refresh"] is JsonObject refresh)
        {
            var count = refresh["userIds"]?.AsArray().Count ?? 0;
            if (count > AdaptiveCard.MaxRefreshUserIds)
            {
                yield return Event("TooManyRefreshUsers", $"{count} userIds");
            }

            foreach (var e in CheckExecute(refresh["action"] as JsonObject, inRefresh: true))
            {
                yield return e;
            }
        }

        foreach (var node in CardJson.Descendants(card))
        {
            switch ((string?)node["type"])
            {
                case "Action.Execute":
                    foreach (var e in CheckExecute(node, inRefresh: false))
                    {
                        yield return e;
                    }

                    break;
                case "Image" when string.IsNullOrEmpty((string?)node["url"]):
                    yield return Event("ImageWithoutUrl", "Image needs a url.");
                    break;
                case "FactSet" when node["facts"]?.AsArray().Count is null or 0:
                    yield return Event("EmptyFactSet", "FactSet has no facts.");
                    break;
                case "TextBlock" when string.IsNullOrWhiteSpace((string?)node["text"]):
                    yield return Event("EmptyText", "TextBlock has no text: " + node.ToJsonString());
                    break;
            }
        }
    }

    private static IEnumerable<CardEvent> CheckExecute(JsonObject? action, bool inRefresh)
    {
        if (action is null)
        {
            yield return Event("MissingAction", "refresh without action");
            yield break;
        }

        var verb = (string?)action["verb"];
        if (string.IsNullOrEmpty(verb) || !verb.StartsWith("gbb.", StringComparison.Ordinal))
        {
            yield return Event("BadVerb", $"Action.Execute verb '{verb}' must start with 'gbb.'.");
            yield break;
        }

        var data = action["data"] as JsonObject;
        if ((string?)data?[CardDataKeys.Verb] != verb)
        {
            yield return Event("VerbNotInData", $"{verb}: data.verb must repeat the verb for the Action.Submit fallback.");
        }

        if (string.IsNullOrEmpty((string?)data?[CardDataKeys.RequestId]))
        {
            yield return Event("MissingRequestId", $"{verb}: data.requestId missing.");
        }

        if (CardVerbs.SessionVerbs.Contains(verb)
            && (string.IsNullOrEmpty((string?)data?[CardDataKeys.SessionId]) || data?[CardDataKeys.ExpectedVersion] is null))
        {
            yield return Event("MissingSession", $"{verb}: data.sessionId and data.expectedVersion are required.");
        }

        if (!inRefresh)
        {
            var fallback = action["fallback"] as JsonObject;
            if ((string?)fallback?["type"] != "Action.Submit" || (string?)fallback["data"]?[CardDataKeys.Verb] != verb)
            {
                yield return Event("MissingSubmitFallback", $"{verb}: needs an Action.Submit fallback carrying the same verb.");
            }
        }
    }

    private static CardEvent Event(string name, string message) => new("Lint", name, message, null);
}
