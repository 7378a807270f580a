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
[Collection(ScenarioCollection.Name)]
public sealed class KollegialeBeratungScenarioTests(ScenarioFixture stack, ITestOutputHelper output)
{
    private static readonly CardTexts De = CardTexts.German;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Complete_kollegiale_beratung_with_several_users_runs_through_all_phases_to_the_confirmed_protocol()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);
        var moderator = stack.Config.CurrentUser;
        var (presenter, adviser1, adviser2) = (stack.Config.Users[0], stack.Config.Users[1], stack.Config.Users[2]);
        var actor = new CardActor(page.Api, PlaygroundChat.Group);
        var pseudonym = "Ahorn-07";

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
        output.WriteLine($"Screenshot: {await PlaygroundPage.ScreenshotAsync(setup, "scenario-kb-1-setup")}");

        // The moderator creates and starts it in the browser; the invoke's answer carries the session id.
        var answer = await page.Page.RunAndWaitForResponseAsync(
            () => page.ClickCardButtonAsync(setup, De["Setup_Submit"]),
            r => r.Url.Contains("invoke", StringComparison.OrdinalIgnoreCase) && r.Request.Method == "POST");
        var sessionId = SessionIdIn(JsonNode.Parse(await answer.TextAsync())!);
        actor.CardMessageId = JsonNode.Parse(answer.Request.PostData ?? "{}")?["replyToId"]?.GetValue<string>() ?? "0";
        await page.WaitForCardAsync(pseudonym);
        await Shot(page, "scenario-kb-2-started");

        // Phase 1: an adviser asks, the presenter rates a life domain (Ampeltorte).
        await actor.InvokeAsUserAsync(adviser1, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "ClarifyingQuestion", ["text"] = "Seit wann besteht der Kontakt zum Familienzentrum?" });
        await actor.InvokeAsUserAsync(presenter, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "Ampeltorte", ["domain"] = "Gesundheit", ["light"] = "Yellow", ["text"] = "Rückenschmerzen bei langem Stehen" });
        await page.WaitForCardAsync("Rückenschmerzen bei langem Stehen");
        await Shot(page, "scenario-kb-3-phase1-entries");

        // The phase runs out on the fast clock: the bot @mentions the moderator in the chat.
        var overdue = page.Page.GetByText("ist um", new() { Exact = false }).Last;
        await Assertions.Expect(overdue).ToBeVisibleAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        await Shot(page, "scenario-kb-4-phase1-time-up");

        // Phase 2: the presenter phrases the focus question.
        await NextAsync(actor, sessionId);
        await actor.InvokeAsUserAsync(presenter, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "FocusQuestion", ["text"] = "Wie findet die Person eine Ausbildung, die zu den Betreuungszeiten passt?" });
        await page.WaitForCardAsync("zu den Betreuungszeiten passt");

        // Phase 3: resources by area from two people.
        await NextAsync(actor, sessionId);
        await actor.InvokeAsUserAsync(adviser1, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "Resource", ["area"] = "Sozial", ["text"] = "Schwester wohnt im selben Haus" });
        await actor.InvokeAsUserAsync(adviser2, CardVerbs.ContributionAdd, sessionId, new JsonObject { ["kind"] = "Resource", ["area"] = "Sozialraum", ["text"] = "Stadtteilzentrum bietet ein Elterncafé" });
        await page.WaitForCardAsync("Stadtteilzentrum bietet ein Elterncafé");
        await Shot(page, "scenario-kb-5-resources");

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
        await Shot(page, "scenario-kb-6-agreement");
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionFinish, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De["Protocol_NotConfirmed"]);

        // The presenter confirms the protocol.
        await actor.InvokeAsUserAsync(presenter, CardVerbs.ProtocolConfirm, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        var protocol = await page.WaitForCardAsync(De.Format("Protocol_ConfirmedBy", string.Empty).Trim(), Slow);
        Assert.Contains("Schwester wohnt im selben Haus", await protocol.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-kb-7-protocol-confirmed");

        // Afterwards: the team's open agreements.
        await page.SendMessageAsUserAsync(adviser1, PlaygroundChat.Group, "vereinbarungen");
        var agreements = await page.WaitForNewCardAsync(De["OpenAgreements_Title"]);
        Assert.Contains("Probetag im Bioladen vereinbaren", await agreements.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-kb-8-open-agreements");
    }

    private static async Task NextAsync(CardActor actor, string sessionId)
    {
        var version = await actor.CurrentVersionAsync(sessionId);
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: version);
    }

    private async Task Shot(PlaygroundPage page, string name) => output.WriteLine($"Screenshot: {await page.ScreenshotAsync(name)}");

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
