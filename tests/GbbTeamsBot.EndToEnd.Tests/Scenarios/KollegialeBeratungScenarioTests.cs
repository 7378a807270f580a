using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GbbTeamsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// A complete Kollegiale Beratung in the Playground's group chat "Fallteam Nord": a German colleague asks for it, the
/// current user (moderator) fills the setup card in the browser, colleagues contribute in every phase, the first phase
/// runs out on the fast clock (@mention of the moderator), the protocol is confirmed and the agreements are listed.
/// Screenshots of every stage go to TestResults/e2e-screenshots/scenario-kb-*.png.
/// </summary>
[Collection(KollegialeBeratungScenarioCollection.Name)]
public sealed class KollegialeBeratungScenarioTests(ScenarioFixture stack, ITestOutputHelper output)
{
    private static readonly CardTexts De = CardTexts.German;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    /// <summary>The moderator's card must fit one laptop screen: 1,000 px high at the Playground's 1,400 px width.</summary>
    public const double MaxCardHeight = 1000;

    /// <summary>
    /// Runs in a German and in an English browser (the Playground sends en-US either way): the team is German, so are
    /// its cards and, always, the record for the case file.
    /// </summary>
    [Theory]
    [InlineData("de-DE", "Ahorn-07")]
    [InlineData("en-US", "Buche-21")]
    public async Task Complete_kollegiale_beratung_with_several_users_runs_through_all_phases_to_the_confirmed_protocol(string browserLocale, string pseudonym)
    {
        var page = await stack.OpenPlaygroundAsync(browserLocale);
        await page.SelectChatAsync(PlaygroundChat.Group);
        var moderator = stack.Config.CurrentUser;
        var (presenter, adviser1, adviser2) = (stack.Config.Users[0], stack.Config.Users[1], stack.Config.Users[2]);
        var actor = new CardActor(page.Api, PlaygroundChat.Group);
        var run = browserLocale[..2];

        // The presenter asks for the consultation in German; the setup card comes in German.
        await page.SendMessageAsUserAsync(presenter, PlaygroundChat.Group, "kb");
        var setup = await page.WaitForNewCardAsync(De["Setup_Title"]);
        var pseudonymBox = setup.GetByRole(AriaRole.Textbox).First;
        await pseudonymBox.ClickAsync();
        await pseudonymBox.FillAsync(pseudonym);
        await Assertions.Expect(pseudonymBox).ToHaveValueAsync(pseudonym);
        await page.SelectCardChoiceAsync(setup, De["Role_Moderation"], moderator.Name);
        await page.SelectCardChoiceAsync(setup, De["Setup_Presenter"], presenter.Name);
        await PlaygroundPage.CheckCardChoiceAsync(setup, De["Setup_Advisers"], adviser1.Name);
        await PlaygroundPage.CheckCardChoiceAsync(setup, De["Setup_Advisers"], adviser2.Name);
        await PlaygroundPage.FillCardInputAsync(setup, De.Format("Setup_PlannedMinutes", 35, 45), "35");
        output.WriteLine($"Screenshot: {await PlaygroundPage.ScreenshotAsync(setup, $"scenario-kb-{run}-1-setup")}");

        // The moderator creates and starts it in the browser; the invoke's answer carries the session id.
        var answer = await page.Page.RunAndWaitForResponseAsync(
            () => page.ClickCardButtonAsync(setup, De["Setup_Submit"]),
            r => r.Url.Contains("invoke", StringComparison.OrdinalIgnoreCase) && r.Request.Method == "POST");
        var sessionId = SessionIdIn(JsonNode.Parse(await answer.TextAsync())!);
        actor.CardMessageId = JsonNode.Parse(answer.Request.PostData ?? "{}")?["replyToId"]?.GetValue<string>() ?? "0";
        await page.WaitForCardAsync(pseudonym);
        await Shot(page, $"scenario-kb-{run}-2-started");
        await ModeratorCardFitsAsync(page, "Phase 1 von 5", $"scenario-kb-{run}-moderator-phase1");

        // Phase 1: an adviser asks, the presenter rates a life domain (Ampeltorte).
        await actor.InvokeAsUserAsync(adviser1, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "ClarifyingQuestion", ["text"] = "Seit wann besteht der Kontakt zum Familienzentrum?" });
        await actor.InvokeAsUserAsync(presenter, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "Ampeltorte", ["domain"] = "Gesundheit", ["light"] = "Yellow", ["text"] = "Rückenschmerzen bei langem Stehen" });
        await page.WaitForCardAsync("Rückenschmerzen bei langem Stehen");
        await Shot(page, $"scenario-kb-{run}-3-phase1-entries");

        // The phase runs out on the fast clock: the bot @mentions the moderator in the chat.
        var overdue = page.Page.GetByText("ist um", new() { Exact = false }).Last;
        await Assertions.Expect(overdue).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        await Shot(page, $"scenario-kb-{run}-4-phase1-time-up");

        // Phase 2: the presenter phrases the focus question.
        await NextAsync(actor, sessionId);
        await actor.InvokeAsUserAsync(presenter, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "FocusQuestion", ["text"] = "Wie findet die Person eine Ausbildung, die zu den Betreuungszeiten passt?" });
        await page.WaitForCardAsync("zu den Betreuungszeiten passt");

        // Phase 3: resources by area from two people.
        await NextAsync(actor, sessionId);
        await actor.InvokeAsUserAsync(adviser1, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "Resource", ["area"] = "Sozial", ["text"] = "Schwester wohnt im selben Haus" });
        await actor.InvokeAsUserAsync(adviser2, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "Resource", ["area"] = "Sozialraum", ["text"] = "Stadtteilzentrum bietet ein Elterncafé" });
        await page.WaitForCardAsync("Stadtteilzentrum bietet ein Elterncafé");
        await Shot(page, $"scenario-kb-{run}-5-resources");

        // Phase 4: ideas; the presenter chooses one.
        await NextAsync(actor, sessionId);
        await actor.InvokeAsUserAsync(adviser2, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "Idea", ["level"] = "Selbst", ["text"] = "Probetag im Bioladen um die Ecke" });
        await page.WaitForCardAsync("Probetag im Bioladen um die Ecke");
        await actor.InvokeAsUserAsync(presenter, CardVerbs.IdeaChoose, sessionId, new JsonObject { ["chosenIdeaIds"] = "c5" }, await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync("★");

        // Phase 5: the agreement, then the moderator finishes in the browser.
        await NextAsync(actor, sessionId);
        await actor.InvokeAsUserAsync(presenter, CardVerbs.AgreementAdd, sessionId, new JsonObject { ["what"] = "Probetag im Bioladen vereinbaren", ["who"] = "Die Person", ["party"] = "Person", ["due"] = "2030-04-15" });
        await page.WaitForCardAsync("Probetag im Bioladen vereinbaren");
        await Shot(page, $"scenario-kb-{run}-6-agreement");
        await ModeratorCardFitsAsync(page, "Phase 5 von 5", $"scenario-kb-{run}-moderator-phase5");
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionFinish, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De["Protocol_NotConfirmed"]);

        // The presenter confirms the protocol.
        await actor.InvokeAsUserAsync(presenter, CardVerbs.ProtocolConfirm, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        var protocol = await page.WaitForCardAsync(De.Format("Protocol_ConfirmedBy", string.Empty).Trim(), Slow);
        Assert.Contains("Schwester wohnt im selben Haus", await protocol.InnerTextAsync(), StringComparison.Ordinal);

        // The record for the case file is German, whatever the browser's language.
        var record = (await actor.InvokeAsCurrentUserAsync(CardVerbs.ProtocolRecordText, sessionId)).ToJsonString();
        // The domain's seven-part record (documentation standard), with the protocol version.
        Assert.Contains("6. Verantwortlichkeiten", record, StringComparison.Ordinal);
        Assert.Contains("Protokollversion 1", record, StringComparison.Ordinal);
        Assert.Contains(De["Domain_Gesundheit"], record, StringComparison.Ordinal);
        Assert.DoesNotContain("who does what", record, StringComparison.Ordinal);
        Assert.DoesNotContain("traffic-light", record, StringComparison.Ordinal);
        await Shot(page, $"scenario-kb-{run}-7-protocol-confirmed");

        // Afterwards: the team's open agreements.
        await page.SendMessageAsUserAsync(adviser1, PlaygroundChat.Group, "vereinbarungen");
        var agreements = await page.WaitForNewCardAsync(De["OpenAgreements_Title"]);
        Assert.Contains("Probetag im Bioladen vereinbaren", await agreements.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, $"scenario-kb-{run}-8-open-agreements");
    }

    private static async Task NextAsync(CardActor actor, string sessionId)
    {
        var version = await actor.CurrentVersionAsync(sessionId);
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: version);
    }

    private async Task Shot(PlaygroundPage page, string name) => output.WriteLine($"Screenshot: {await page.ScreenshotAsync(name)}");

    /// <summary>
    /// Shows the moderator's own view of the card (its "Aktualisieren" button answers with the viewer's view), saves a
    /// screenshot of it and checks that it fits one screen.
    /// </summary>
    private async Task ModeratorCardFitsAsync(PlaygroundPage page, string phaseText, string name)
    {
        var shared = await page.WaitForCardAsync(phaseText, Slow);
        await page.ClickCardButtonAsync(shared, De["View_Refresh"]);
        var card = page.Page.Locator(".ac-adaptiveCard", new() { HasText = phaseText }).Filter(new() { HasText = De["Control_Pause"] }).Last;
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        var path = await PlaygroundPage.ScreenshotAsync(card, name);
        var box = await card.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The card has no size.");
        output.WriteLine($"Screenshot: {path} ({box.Width:0} x {box.Height:0} px)");
        Assert.True(box.Height <= MaxCardHeight, $"The moderator's card is {box.Height:0} px high (at most {MaxCardHeight:0}); screenshot {path}");
    }

    internal static string SessionIdIn(JsonNode node)
    {
        var stack = new Stack<JsonNode>([node]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    if (obj["sessionId"] is JsonValue v && v.TryGetValue<string>(out var id))
                    {
                        return id;
                    }

                    foreach (var (_, child) in obj)
                    {
                        if (child is not null)
                        {
                            stack.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        if (child is not null)
                        {
                            stack.Push(child);
                        }
                    }

                    break;
            }
        }

        throw new Xunit.Sdk.XunitException("No session id in the invoke answer: " + node.ToJsonString()[..Math.Min(500, node.ToJsonString().Length)]);
    }
}
