using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>"vereinbarungen" / "agreements": the team's open agreements (what, who, by when), overdue first.</summary>
public sealed class AgreementsCommand(OpenAgreementsList list) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } = ["vereinbarungen", "agreements"];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var card = await list.BuildAsync(turn, ConversationContext.From(turn), cancellationToken);
        await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
    }

    /// <summary>
    /// The team's name in a channel (or "Dieses Team" when Teams does not send it), the chat's name in a chat, else
    /// "Dieser Chat": a list in a team channel never calls the team "this chat".
    /// </summary>
    internal static string TeamName(TurnContext turn, UiLanguage? language = null)
    {
        var channelData = turn.Activity.Teams;
        var english = (language ?? ConversationContext.LanguageOf(turn)) == UiLanguage.English;
        if (!string.IsNullOrWhiteSpace(channelData.TeamName))
        {
            return channelData.TeamName;
        }

        if (!string.IsNullOrWhiteSpace(channelData.TeamId))
        {
            return english ? "This team" : "Dieses Team";
        }

        return turn.Activity.Conversation?.Name ?? (english ? "This chat" : "Dieser Chat");
    }
}
