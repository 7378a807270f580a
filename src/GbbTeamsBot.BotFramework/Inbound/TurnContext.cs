using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>One inbound activity with what a handler needs to answer it: the conversation reference and a connector client.</summary>
public sealed class TurnContext
{
    public TurnContext(Activity activity, ConversationReference reference, IConnectorClient connector)
    {
        Activity = activity;
        Reference = reference;
        Connector = connector;
    }

    public Activity Activity { get; }

    public ConversationReference Reference { get; }

    public IConnectorClient Connector { get; }

    /// <summary>What the application learned about this turn before its handlers run (e.g. the team's settings).</summary>
    public IDictionary<string, object> Items { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>Message text without &lt;at&gt; mentions, trimmed.</summary>
    public string TextWithoutMentions => MentionText.Strip(Activity.Text);

    /// <summary>Replies in the activity's thread (or posts to the conversation when the activity has no id).</summary>
    public Task<ResourceResponse?> ReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var addressed = reply with { Recipient = reply.Recipient ?? Activity.From, Locale = reply.Locale ?? Activity.Locale };
        return string.IsNullOrEmpty(Activity.Id)
            ? Connector.SendToConversationAsync(Reference.ConversationId, addressed, cancellationToken)
            : Connector.ReplyToActivityAsync(Reference.ConversationId, Activity.Id, addressed, cancellationToken);
    }

    /// <summary>Posts a new message to the conversation.</summary>
    public Task<ResourceResponse?> SendAsync(Activity message, CancellationToken cancellationToken) =>
        Connector.SendToConversationAsync(Reference.ConversationId, message, cancellationToken);

    /// <summary>Replaces an earlier message of the bot in this conversation (coalesced per message).</summary>
    public Task<ResourceResponse?> UpdateAsync(string activityId, Activity message, CancellationToken cancellationToken) =>
        Connector.UpdateActivityAsync(Reference.ConversationId, activityId, message, cancellationToken);
}
