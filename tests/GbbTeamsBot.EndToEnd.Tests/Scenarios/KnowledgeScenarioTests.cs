using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GbbTeamsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// The Sozialraumwissen in the Playground's group chat: two Sozialraum-Runden on different days (the bot restarts with
/// its clock a day ahead in between) name the same resource and the same need; "wissen kinderbetreuung" shows the need
/// "2× genannt", "bedarfe" ranks it first, and the next Kollegiale Beratung's Ressourcensammlung offers the café, which
/// one tap in the browser adds. Screenshots: TestResults/e2e-screenshots/scenario-knowledge-*.png.
/// </summary>
[Collection(KnowledgeScenarioCollection.Name)]
public sealed class KnowledgeScenarioTests(KnowledgeScenarioFixture stack, ITestOutputHelper output)
{
    private const string Cafe = "Nachbarschaftscafé Lindenhof";
    private const string Childcare = "fehlende Kinderbetreuung am Nachmittag";
    private static readonly CardTexts De = CardTexts.German;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_rounds_on_different_days_feed_the_knowledge_base_which_the_next_consultation_uses()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);
        var actor = new CardActor(page.Api, PlaygroundChat.Group);

        await RoundAsync(page, actor, "day1");
        await stack.RestartBotWithClockOffsetAsync(TimeSpan.FromDays(1));
        await RoundAsync(page, actor, "day2");

        // "wissen kinderbetreuung": the need, mentioned in both rounds.
        await page.SendMessageAsUserAsync(stack.Config.Users[1], PlaygroundChat.Group, "wissen kinderbetreuung");
        var knowledge = await page.WaitForNewCardAsync(De["Knowledge_Title"], Slow);
        var knowledgeText = await knowledge.InnerTextAsync();
        Assert.Contains(Childcare, knowledgeText, StringComparison.Ordinal);
        Assert.Contains("2× genannt", knowledgeText, StringComparison.Ordinal);
        await Shot(page, "scenario-knowledge-3-wissen");

        // "bedarfe": it is ranked first.
        await page.SendMessageAsUserAsync(stack.Config.Users[1], PlaygroundChat.Group, "bedarfe");
        var needs = await page.WaitForNewCardAsync(De["Needs_Subtitle"], Slow);
        Assert.Contains("1. " + Childcare, await needs.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-knowledge-4-bedarfe");

        // The next Kollegiale Beratung: the current user advises; a colleague moderates.
        var (moderator, presenter) = (stack.Config.Users[3], stack.Config.Users[0]);
        var sessionId = await SetUpAsync(page, actor, "kb", "Birke-12", moderator, presenter, [stack.Config.CurrentUser, stack.Config.Users[1]], minutes: 40);
        await page.WaitForCardAsync("Birke-12", Slow);
        // Set up by someone else, the session waits for its moderator's first "Weiter" (start), then moves on.
        await AdvanceToAsync(actor, moderator, sessionId, phase: 2);
        await page.WaitForCardAsync(De.Format("Live_PhaseOf", 2, 5), Slow);
        await actor.InvokeAsUserAsync(presenter, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "FocusQuestion", ["text"] = "Wo findet die Person im Lindenhof Kontakte für sich und die Kinder?" });
        await page.WaitForCardAsync("im Lindenhof Kontakte", Slow);
        await AdvanceToAsync(actor, moderator, sessionId, phase: 3);
        var shared = await page.WaitForCardAsync(De.Format("Live_PhaseOf", 3, 5), Slow);

        // In the browser: the adviser's own card offers "Aus dem Sozialraumwissen", which lists the café; one tap adds it.
        await page.ClickCardButtonAsync(shared, De["View_Refresh"]);
        var own = page.Page.Locator(".ac-adaptiveCard", new() { HasText = De.Format("Live_PhaseOf", 3, 5) }).Filter(new() { HasText = De["Knowledge_ShowSuggestions"] }).Last;
        await Assertions.Expect(own).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        await page.ClickCardButtonAsync(own, De["Knowledge_ShowSuggestions"]);
        var offer = page.Page.Locator(".ac-adaptiveCard", new() { HasText = De["Knowledge_FromCatalogue"] }).Filter(new() { HasText = Cafe }).Last;
        await Assertions.Expect(offer).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        Assert.DoesNotContain(Childcare, await offer.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-knowledge-5-offer");
        await page.ClickCardButtonAsync(offer, De["Knowledge_AddSuggestion"]);
        var added = await page.WaitForCardAsync(De["Knowledge_FromCatalogueMark"], Slow);
        Assert.Contains(Cafe, await added.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-knowledge-6-added");

        // Stored as the session's resource (Sozialraum), marked as from the catalogue.
        var map = (await actor.InvokeAsCurrentUserAsync(CardVerbs.ViewShow, sessionId, new JsonObject { ["view"] = CardViews.ResourceMap })).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(Cafe, map, StringComparison.Ordinal);
    }

    /// <summary>A Sozialraum-Runde with the café and the need, run to its end and confirmed by its moderator (the current user).</summary>
    private async Task RoundAsync(PlaygroundPage page, CardActor actor, string day)
    {
        var (asker, adviser1, adviser2) = (stack.Config.Users[0], stack.Config.Users[1], stack.Config.Users[2]);
        var sessionId = await SetUpAsync(page, actor, "sozialraum", "Lindenhof", stack.Config.CurrentUser, presenter: null, [asker, adviser1, adviser2], minutes: 15);
        await page.WaitForCardAsync(De["Round_Questions"], Slow);
        await actor.InvokeAsUserAsync(adviser1, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "RoundEntry", ["category"] = "Ressource", ["text"] = Cafe, ["place"] = "Lindenhof 4" });
        await actor.InvokeAsUserAsync(adviser2, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "RoundEntry", ["category"] = "Bedarfslage", ["text"] = Childcare });
        var entries = await page.WaitForCardAsync(Childcare, Slow);
        Assert.Contains(Cafe, await entries.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, $"scenario-knowledge-{day}-1-round");

        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De["Protocol_NotConfirmed"], Slow);
        await actor.InvokeAsCurrentUserAsync(CardVerbs.ProtocolConfirm, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        var protocol = await page.WaitForCardAsync(De.Format("Protocol_ConfirmedBy", string.Empty).Trim(), Slow);
        var text = await protocol.InnerTextAsync();
        Assert.Contains(Childcare, text, StringComparison.Ordinal);
        // The need keeps its category in the protocol (it was filed under "Weiteres").
        Assert.Contains(De["Category_Bedarfslage"], text, StringComparison.Ordinal);
        await Shot(page, $"scenario-knowledge-{day}-2-confirmed");
    }

    /// <summary>
    /// The moderator's "Weiter" through the Playground's own invoke API in the moderator's name, answered before the call
    /// returns (a phase change through the custom-activity API would wait for the Playground's own reply).
    /// </summary>
    private async Task AdvanceToAsync(CardActor actor, PlaygroundUser moderator, string sessionId, int phase)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if ((await NextAsUserAsync(actor, moderator, sessionId)).Contains(De.Format("Live_PhaseOf", phase, 5), StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"The moderator's \"Weiter\" did not reach phase {phase}.");
    }

    private async Task<string> NextAsUserAsync(CardActor actor, PlaygroundUser moderator, string sessionId)
    {
        var version = await actor.CurrentVersionAsync(sessionId);
        using var http = new HttpClient { BaseAddress = stack.PlaygroundApi.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = CardVerbs.SessionNext,
                    ["data"] = new JsonObject { ["verb"] = CardVerbs.SessionNext, ["requestId"] = Guid.NewGuid().ToString("N"), ["sessionId"] = sessionId, ["expectedVersion"] = version },
                },
                ["trigger"] = "manual",
            },
            ["from"] = new JsonObject { ["id"] = moderator.Id },
            ["conversation"] = new JsonObject { ["id"] = stack.PlaygroundApi.ConversationId(PlaygroundChat.Group) },
            ["replyToId"] = actor.CardMessageId,
        };
        using var response = await http.PostAsync("_conversation/v1/invoke", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.DoesNotContain("nichts geändert", text, StringComparison.Ordinal);
        return text;
    }

    /// <summary>A colleague asks; the current user fills the setup card and submits it in the browser (as in the other scenarios).</summary>
    private async Task<string> SetUpAsync(PlaygroundPage page, CardActor actor, string command, string pseudonym, PlaygroundUser moderator, PlaygroundUser? presenter, IReadOnlyList<PlaygroundUser> advisers, int minutes)
    {
        await page.SendMessageAsUserAsync(stack.Config.Users[0], PlaygroundChat.Group, command);
        var setup = await page.WaitForNewCardAsync(De["Setup_Title"], Slow);
        var pseudonymBox = setup.GetByRole(AriaRole.Textbox).First;
        await pseudonymBox.ClickAsync();
        await pseudonymBox.FillAsync(pseudonym);
        await Assertions.Expect(pseudonymBox).ToHaveValueAsync(pseudonym);
        await page.SelectCardChoiceAsync(setup, De["Role_Moderation"], moderator.Name);
        if (presenter is not null)
        {
            await page.SelectCardChoiceAsync(setup, De["Setup_Presenter"], presenter.Name);
        }

        foreach (var adviser in advisers)
        {
            await PlaygroundPage.CheckCardChoiceAsync(setup, De["Setup_Advisers"], adviser.Name);
        }

        var number = setup.GetByRole(AriaRole.Spinbutton).First;
        await number.ClickAsync();
        await number.FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var answer = await page.Page.RunAndWaitForResponseAsync(
            () => page.ClickCardButtonAsync(setup, De["Setup_Submit"]),
            r => r.Url.Contains("invoke", StringComparison.OrdinalIgnoreCase) && r.Request.Method == "POST");
        actor.CardMessageId = JsonNode.Parse(answer.Request.PostData ?? "{}")?["replyToId"]?.GetValue<string>() ?? "0";
        return KollegialeBeratungScenarioTests.SessionIdIn(JsonNode.Parse(await answer.TextAsync())!);
    }

    private async Task Shot(PlaygroundPage page, string name) => output.WriteLine($"Screenshot: {await page.ScreenshotAsync(name)}");
}
