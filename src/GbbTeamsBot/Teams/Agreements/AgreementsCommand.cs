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

    internal static string TeamName(TurnContext turn)
    {
        var channelData = turn.Activity.Teams;
        return channelData.TeamName ?? turn.Activity.Conversation?.Name ?? (UiLanguages.FromLocale(turn.Activity.Locale) == UiLanguage.English ? "This chat" : "Dieser Chat");
    }
}
