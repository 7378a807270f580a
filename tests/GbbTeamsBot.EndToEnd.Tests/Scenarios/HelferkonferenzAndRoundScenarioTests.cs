using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GbbTeamsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// The Helferkonferenz (refused without consent, run with it to the agency round) and a Sozialraum-Runde, in the
/// Playground's group chat. Screenshots: TestResults/e2e-screenshots/scenario-hk-*.png and scenario-sr-*.png.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class HelferkonferenzAndRoundScenarioTests(ScenarioFixture stack, ITestOutputHelper output)
{
    private static readonly CardTexts De = CardTexts.German;

    [Fact]
    public async Task Helferkonferenz_is_refused_without_consent_and_runs_with_it_to_the_round_of_the_helper_systems()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);
        var (presenter, adviser) = (stack.Config.Users[0], stack.Config.Users[1]);
        var actor = new CardActor(page.Api, PlaygroundChat.Group);

        var sessionId = await SetUpAsync(page, actor, "helferkonferenz", "Linde-3", presenter, [adviser], minutes: null);

        // The team is German: so is the moderator's own answer, although the Playground sends en-US.
        var consent = await page.WaitForCardAsync("Linde-3");
        var consentText = await consent.InnerTextAsync();
        Assert.True(consentText.Contains(De["Consent_Missing"], StringComparison.Ordinal), consentText);
        await Shot(page, "scenario-hk-1-consent-missing");

        // Without consent: a clear refusal, nothing stored, no conference.
        var refused = await actor.InvokeAsCurrentUserAsync(CardVerbs.ConsentConfirm, sessionId, new JsonObject { ["consent"] = "false" }, await actor.CurrentVersionAsync(sessionId));
        var refusedText = refused.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Einwilligung", refusedText, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", refusedText, StringComparison.Ordinal);

        // With consent and release from confidentiality the conference starts.
        await actor.InvokeAsCurrentUserAsync(CardVerbs.ConsentConfirm, sessionId, new JsonObject { ["consent"] = "true", ["release"] = "true" }, await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De.Format("Live_PhaseOf", 1, 6));
        await Shot(page, "scenario-hk-2-started");

        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De.Format("Live_PhaseOf", 3, 6));
        await actor.InvokeAsUserAsync(adviser, CardVerbs.ContributionAdd, sessionId, new JsonObject
        {
            ["kind"] = "HelperSystem",
            ["agency"] = "Jugendamt Nord",
            ["mandate"] = "Hilfe zur Erziehung",
            ["activities"] = "Sozialpädagogische Familienhilfe zweimal pro Woche",
        });
        var round = await page.WaitForCardAsync("Jugendamt Nord");
        Assert.Contains("zweimal pro Woche", await round.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-hk-3-agency-round");
    }

    [Fact]
    public async Task Sozialraum_runde_collects_categorised_entries_and_ends_with_the_confirmed_protocol()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);
        var (asker, adviser1, adviser2) = (stack.Config.Users[0], stack.Config.Users[1], stack.Config.Users[2]);
        var actor = new CardActor(page.Api, PlaygroundChat.Group);

        var sessionId = await SetUpAsync(page, actor, "sozialraum", "Nordstadt", presenter: null, [asker, adviser1, adviser2], minutes: 15);
        await page.WaitForCardAsync(De["Round_Questions"]);
        await Shot(page, "scenario-sr-1-round");

        await actor.InvokeAsUserAsync(adviser1, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "RoundEntry", ["category"] = "Schluesselperson", ["text"] = "Neue Leitung im Stadtteilzentrum", ["place"] = "Stadtteilzentrum" });
        await actor.InvokeAsUserAsync(adviser2, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "RoundEntry", ["category"] = "Ressource", ["text"] = "Tafel hat jetzt auch samstags geöffnet" });
        var entries = await page.WaitForCardAsync("Tafel hat jetzt auch samstags geöffnet");
        Assert.Contains("Neue Leitung im Stadtteilzentrum", await entries.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-sr-2-entries");

        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De["Protocol_NotConfirmed"]);
        await actor.InvokeAsCurrentUserAsync(CardVerbs.ProtocolConfirm, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        var protocol = await page.WaitForCardAsync(De.Format("Protocol_ConfirmedBy", string.Empty).Trim());
        Assert.Contains("Tafel hat jetzt auch samstags geöffnet", await protocol.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-sr-3-protocol");
    }

    /// <summary>A colleague asks in German; the current user fills the setup card as moderator and submits it in the browser.</summary>
    private async Task<string> SetUpAsync(PlaygroundPage page, CardActor actor, string command, string pseudonym, PlaygroundUser? presenter, IReadOnlyList<PlaygroundUser> advisers, int? minutes)
    {
        await page.SendMessageAsUserAsync(stack.Config.Users[0], PlaygroundChat.Group, command);
        var setup = await page.WaitForNewCardAsync(De["Setup_Title"]);
        // The card renderer takes the value only from a focused field.
        var pseudonymBox = setup.GetByRole(AriaRole.Textbox).First;
        await pseudonymBox.ClickAsync();
        await pseudonymBox.FillAsync(pseudonym);
        await Assertions.Expect(pseudonymBox).ToHaveValueAsync(pseudonym);
        await page.SelectCardChoiceAsync(setup, De["Role_Moderation"], stack.Config.CurrentUser.Name);
        if (presenter is not null)
        {
            await page.SelectCardChoiceAsync(setup, De["Setup_Presenter"], presenter.Name);
        }

        foreach (var adviser in advisers)
        {
            await PlaygroundPage.CheckCardChoiceAsync(setup, De["Setup_Advisers"], adviser.Name);
        }

        if (minutes is { } planned)
        {
            var number = setup.GetByRole(AriaRole.Spinbutton).First;
            await number.ClickAsync();
            await number.FillAsync(planned.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var answer = await page.Page.RunAndWaitForResponseAsync(
            () => page.ClickCardButtonAsync(setup, De["Setup_Submit"]),
            r => r.Url.Contains("invoke", StringComparison.OrdinalIgnoreCase) && r.Request.Method == "POST");
        actor.CardMessageId = JsonNode.Parse(answer.Request.PostData ?? "{}")?["replyToId"]?.GetValue<string>() ?? "0";
        return KollegialeBeratungScenarioTests.SessionIdIn(JsonNode.Parse(await answer.TextAsync())!);
    }

    private async Task Shot(PlaygroundPage page, string name) => output.WriteLine($"Screenshot: {await page.ScreenshotAsync(name)}");
}
