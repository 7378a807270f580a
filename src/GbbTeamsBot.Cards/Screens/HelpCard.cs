namespace GbbTeamsBot.Cards.Screens;

/// <summary>The help card: what the bot can do, one row per available command.</summary>
public static class HelpCard
{
    /// <summary>Commands that work today. Add a command here when its feature lands.</summary>
    public static IReadOnlyList<BotCommand> DefaultCommands { get; } = [BotCommand.Help];

    public static AdaptiveCard Build(UiLanguage language) => Build(language, DefaultCommands);

    public static AdaptiveCard Build(UiLanguage language, IReadOnlyList<BotCommand> availableCommands)
    {
        ArgumentNullException.ThrowIfNull(availableCommands);
        var t = CardTexts.For(language);

        var body = new List<CardElement>
        {
            new Container([
                new TextBlock(t["Help_Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder, IsHeading = true },
                new TextBlock(t["Help_Intro"]) { Spacing = Spacing.Small },
            ])
            {
                Style = ContainerStyle.Emphasis,
                Bleed = true,
            },
            HeaderRow(t),
        };
        body.AddRange(availableCommands.Distinct().Select(c => CommandRow(c, language)));
        body.Add(new Container([new TextBlock(t["Help_PrivacyNote"]) { IsSubtle = true, Size = TextSize.Small }])
        {
            Spacing = Spacing.Large,
            Separator = true,
        });

        return new AdaptiveCard { Body = body, FallbackText = t["Help_FallbackText"] };
    }

    private static ColumnSet HeaderRow(CardTexts t) => new([
        new Column([new TextBlock(t["Help_CommandHeader"]) { Weight = TextWeight.Bolder, IsSubtle = true }])
        {
            Width = ColumnWidth.Pixels(140),
        },
        new Column([new TextBlock(t["Help_DescriptionHeader"]) { Weight = TextWeight.Bolder, IsSubtle = true }])
        {
            Width = ColumnWidth.Stretch,
        },
    ])
    {
        Spacing = Spacing.Medium,
    };

    /// <summary>
    /// The command word is a button that sends the command as if typed (Teams' imBack), so what looks clickable is.
    /// "hilfe" itself is plain text: it would only show this card again.
    /// </summary>
    private static ColumnSet CommandRow(BotCommand command, UiLanguage language) => new([
        new Column([command == BotCommand.Help
            ? new TextBlock(command.Word(language)) { Weight = TextWeight.Bolder }
            : new ActionSet([new SubmitAction(command.Word(language), new System.Text.Json.Nodes.JsonObject
            {
                ["msteams"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "imBack", ["value"] = command.Word(language) },
            })]) { Spacing = Spacing.None }])
        {
            Width = ColumnWidth.Pixels(160),
        },
        new Column([new TextBlock(command.Description(language))]) { Width = ColumnWidth.Stretch },
    ])
    {
        Spacing = Spacing.Small,
        Separator = true,
    };
}
