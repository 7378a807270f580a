using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams;

/// <summary>How every card action answers: invokes get the card as their response; the Action.Submit fallback (a message) gets it as a reply too.</summary>
public static class CardActionAnswer
{
    public static async Task<InvokeResponse> SendAsync(TurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(card);
        if (!turn.Activity.IsInvoke)
        {
            await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
        }

        return InvokeResponse.Card(card.ToJson());
    }
}
