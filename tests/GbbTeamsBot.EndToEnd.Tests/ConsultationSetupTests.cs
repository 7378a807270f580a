using GbbTeamsBot.Cards;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;
using Xunit.Abstractions;

namespace GbbTeamsBot.EndToEnd.Tests;

/// <summary>Preparing a Kollegiale Beratung in a team channel through the setup card, as a user clicks it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConsultationSetupTests(EndToEndFixture stack, ITestOutputHelper output)
{
    // The team's language (German by default), although the Playground sends en-US with everything.
    private static readonly CardTexts T = CardTexts.German;

    [Fact]
    public async Task Kb_in_a_channel_opens_the_setup_card_and_filling_it_starts_the_consultation_in_phase_1()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.TeamChannel);
        var users = stack.Config.Users;
        const string caseReference = "Fall Ahorn-07";

        await page.SendMessageMentioningBotAsync("kb");
        var setup = await page.WaitForNewCardAsync(T["Setup_Title"]);
        await PlaygroundPage.FillCardInputAsync(setup, T["Setup_Pseudonym"], caseReference);
        await page.SelectCardChoiceAsync(setup, T["Role_Protokoll"], users[1].Name);
        await page.SelectCardChoiceAsync(setup, T["Setup_Presenter"], users[0].Name);
        await PlaygroundPage.CheckCardChoiceAsync(setup, T["Setup_Advisers"], users[2].Name);
        await PlaygroundPage.CheckCardChoiceAsync(setup, T["Setup_Advisers"], users[3].Name);
        output.WriteLine($"Screenshot: {await page.ScreenshotAsync("kb-setup-filled")}");
        await page.ClickCardButtonAsync(setup, T["Setup_Submit"]);

        var live = await page.WaitForNewCardAsync(T.Format("Live_PhaseOf", 1, 5));
        Assert.Contains(caseReference, await live.InnerTextAsync(), StringComparison.Ordinal);
        output.WriteLine($"Screenshot: {await page.ScreenshotAsync("kb-phase-1")}");
    }
}
