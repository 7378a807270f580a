using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;

namespace GbbTeamsBot.Bot;

/// <summary>The help card in the user's language (English for "en*" locales, German otherwise).</summary>
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
    ];

    public static Activity Card(string? locale) =>
        Activity.CreateCard(HelpCard.Build(UiLanguages.FromLocale(locale), AvailableCommands).ToJson());

    public static Task SendAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(Card(turn.Activity.Locale), cancellationToken);
    }
}

/// <summary>"hilfe", "help", "?": shows the help card.</summary>
public sealed class HelpCommand : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } =
        new[] { BotCommand.Help.Word(UiLanguage.German), BotCommand.Help.Word(UiLanguage.English), "hilfe", "help", "?" }
            .Select(w => w.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) => HelpReply.SendAsync(turn, cancellationToken);
}
