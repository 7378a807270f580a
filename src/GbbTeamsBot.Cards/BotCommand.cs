namespace GbbTeamsBot.Cards;

/// <summary>
/// Commands the help card can describe. The command word and description come from the resources,
/// so the help card and the manifest's command lists say the same thing.
/// </summary>
public enum BotCommand
{
    Help,
    KollegialeBeratung,
    Helferkonferenz,
    SozialraumRunde,
    Sozialraumvorhaben,
    Teamsitzung,
    Vereinbarungen,
    Protokolle,
    FallLoeschen,
    Einstellungen,

    /// <summary>"fall &lt;Pseudonym&gt;": the case over time. Parsed by the bot and on the help card, not in the manifest (Teams allows 10).</summary>
    Fall,
}

public static class BotCommandTexts
{
    /// <summary>The word a user types, e.g. "hilfe" (German) or "help" (English).</summary>
    public static string Word(this BotCommand command, UiLanguage language) =>
        CardTexts.For(language)[$"Command_{command}_Word"];

    public static string Description(this BotCommand command, UiLanguage language) =>
        CardTexts.For(language)[$"Command_{command}_Description"];

    /// <summary>The manifest's command lists hold at most 10 commands; later ones are only parsed and on the help card.</summary>
    public static bool IsInManifest(this BotCommand command) => command is not BotCommand.Fall;
}
