using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;

namespace GbbTeamsBot.Bot;

/// <summary>The help card in the team's language (German unless the team chose English in its settings).</summary>
public static class HelpReply
{
    /// <summary>The commands that work; the help card lists exactly these.</summary>
    public static IReadOnlyList<BotCommand> AvailableCommands { get; } =
    [
        BotCommand.Help,
        BotCommand.KollegialeBeratung,
        BotCommand.Helferkonferenz,
        BotCommand.SozialraumRunde,
        BotCommand.Sozialraumvorhaben,
        BotCommand.Teamsitzung,
        BotCommand.Vereinbarungen,
        BotCommand.Protokolle,
        BotCommand.FallLoeschen,
        BotCommand.Einstellungen,
        BotCommand.Fall,
        BotCommand.Wissen,
        BotCommand.Bedarfe,
    ];

    public static Activity Card(string? locale) => Card(UiLanguages.FromLocale(locale));

    public static Activity Card(UiLanguage language) =>
        Activity.CreateCard(HelpCard.Build(language, AvailableCommands).ToJson());

    public static Task SendAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(Card(Teams.ConversationContext.LanguageOf(turn)), cancellationToken);
    }
}

/// <summary>"hilfe", "help", "?": shows the help card, in the language of the word typed.</summary>
public sealed class HelpCommand : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } =
        new[] { BotCommand.Help.Word(UiLanguage.German), BotCommand.Help.Word(UiLanguage.English), "hilfe", "help", "?" }
            .Select(w => w.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(HelpReply.Card(LanguageOf(turn)), cancellationToken);
    }

    /// <summary>
    /// Whoever types "hilfe" reads German, whoever types "help" English, whatever the client's locale says (the
    /// Agents Playground, for one, sends en-US for everything); "?" follows the team's language.
    /// </summary>
    private static UiLanguage LanguageOf(TurnContext turn)
    {
        var word = turn.TextWithoutMentions.Trim().TrimEnd('.', '!', '?');
        foreach (var language in new[] { UiLanguage.German, UiLanguage.English })
        {
            if (word.StartsWith(BotCommand.Help.Word(language), StringComparison.OrdinalIgnoreCase))
            {
                return language;
            }
        }

        return Teams.ConversationContext.LanguageOf(turn);
    }
}
