using GbbTeamsBot.Cards.Screens;

namespace GbbTeamsBot.Cards.Tests;

public sealed class HelpCardTests
{
    [Fact]
    public void Default_help_card_lists_only_the_help_command()
    {
        var json = HelpCard.Build(UiLanguage.German).ToJsonString();

        Assert.Contains("\"hilfe\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kb\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"vereinbarungen\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void English_help_card_uses_English_command_words()
    {
        var json = HelpCard.Build(UiLanguage.English, [BotCommand.Help, BotCommand.Vereinbarungen]).ToJsonString();

        Assert.Contains("\"help\"", json, StringComparison.Ordinal);
        Assert.Contains("\"agreements\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"hilfe\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Added_commands_appear_once_each()
    {
        var card = HelpCard.Build(UiLanguage.German, [BotCommand.Help, BotCommand.KollegialeBeratung, BotCommand.Help]);
        var json = card.ToJsonString();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"hilfe\""));
        Assert.Contains("\"kb\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_has_a_word_and_description_in_both_languages()
    {
        foreach (var command in Enum.GetValues<BotCommand>())
        {
            foreach (var language in Enum.GetValues<UiLanguage>())
            {
                Assert.False(string.IsNullOrWhiteSpace(command.Word(language)));
                Assert.False(string.IsNullOrWhiteSpace(command.Description(language)));
            }
        }
    }
}
