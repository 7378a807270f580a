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

    // Parsed by the bot and on the help card, not in the manifest (see BotCommandTexts.NotInManifest).

    /// <summary>"fall &lt;Pseudonym&gt;": the case over time.</summary>
    Fall,

    /// <summary>"wissen [Suchbegriffe]": the team's Sozialraumwissen.</summary>
    Wissen,

    /// <summary>"bedarfe": Bedarfslagen ranked by mentions.</summary>
    Bedarfe,
}

public static class BotCommandTexts
{
    /// <summary>
    /// Commands the bot parses and the help card lists, but the manifest does not: its command lists are at Teams' limit
    /// of 10.
    /// </summary>
    public static IReadOnlySet<BotCommand> NotInManifest { get; } = new HashSet<BotCommand> { BotCommand.Fall, BotCommand.Wissen, BotCommand.Bedarfe };

    /// <summary>The word a user types, e.g. "hilfe" (German) or "help" (English).</summary>
    public static string Word(this BotCommand command, UiLanguage language) =>
        CardTexts.For(language)[$"Command_{command}_Word"];

    public static string Description(this BotCommand command, UiLanguage language) =>
        CardTexts.For(language)[$"Command_{command}_Description"];

    public static bool IsInManifest(this BotCommand command) => !NotInManifest.Contains(command);
}
