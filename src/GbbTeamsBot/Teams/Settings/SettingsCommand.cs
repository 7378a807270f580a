using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Settings;

/// <summary>"einstellungen" / "settings": the team's settings card.</summary>
public sealed class SettingsCommand(TeamSettingsScreen screen) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } =
        [BotCommand.Einstellungen.Word(UiLanguage.German), BotCommand.Einstellungen.Word(UiLanguage.English)];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var card = await screen.BuildAsync(turn, who, who.Settings, notice: null, cancellationToken);
        await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
    }
}
