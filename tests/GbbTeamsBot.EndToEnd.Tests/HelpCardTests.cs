using GbbTeamsBot.Cards;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;
using Xunit.Abstractions;

namespace GbbTeamsBot.EndToEnd.Tests;

/// <summary>
/// The help card, as a user sees it in the Playground (Teams client emulation) in headless Chromium: typed in the
/// personal chat, with an @mention in the group chat and in a channel, and sent by another team member.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HelpCardTests(EndToEndFixture stack, ITestOutputHelper output)
{
    /// <summary>The help card title in the language the bot picks for messages typed in the Playground UI.</summary>
    // "hilfe" is answered in German although the Playground sends every typed message with locale en-US.
    private static string UiHelpTitle => CardTexts.For(UiLanguage.German)["Help_Title"];

    private static string GermanHelpTitle => CardTexts.German["Help_Title"];

    [Fact]
    public async Task Hilfe_in_the_personal_chat_shows_the_help_card()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Personal);

        await page.SendMessageAsync("hilfe");

        var card = await page.WaitForNewCardAsync(UiHelpTitle);
        var help = CardTexts.For(UiLanguage.German);
        Assert.Contains(help["Help_CommandHeader"], await card.InnerTextAsync(), StringComparison.Ordinal);
        output.WriteLine($"Screenshot: {await page.ScreenshotAsync("help-card-personal-chat")}");
    }

    [Fact]
    public async Task Hilfe_with_an_at_mention_in_the_group_chat_shows_the_help_card()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);

        await page.SendMessageMentioningBotAsync("hilfe");

        await page.WaitForNewCardAsync(UiHelpTitle);
        output.WriteLine($"Screenshot: {await page.ScreenshotAsync("help-card-group-chat")}");
    }

    [Fact]
    public async Task Hilfe_posted_with_an_at_mention_in_a_team_channel_shows_the_help_card()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.TeamChannel);

        await page.SendMessageMentioningBotAsync("hilfe");

        await page.WaitForNewCardAsync(UiHelpTitle);
        output.WriteLine($"Screenshot: {await page.ScreenshotAsync("help-card-channel")}");
    }

    [Fact]
    public async Task Hilfe_from_a_German_colleague_in_the_group_chat_is_answered_in_German_in_that_chat()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);
        var colleague = stack.Config.Users[0];

        await page.SendMessageAsUserAsync(colleague, PlaygroundChat.Group, "hilfe");

        var card = await page.WaitForNewCardAsync(GermanHelpTitle);
        Assert.Contains(CardTexts.German["Help_PrivacyNote"], await card.InnerTextAsync(), StringComparison.Ordinal);
        output.WriteLine($"Screenshot: {await page.ScreenshotAsync("help-card-group-chat-colleague")}");
    }
}
