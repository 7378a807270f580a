using System.Text.Json.Nodes;
using Azure.Data.Tables;
using GbbTeamsBot.Cards;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GbbTeamsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// Continuity between meetings in the Playground's group chat: a Kollegiale Beratung for "Ahorn-07" ends with two
/// agreements, one is ticked "Erledigt" in the team's list in the browser, and the next Kollegiale Beratung for
/// "Ahorn-07" reviews both on its live card; the open one is carried over. The done one stays done in storage and in
/// the record. Screenshots go to TestResults/e2e-screenshots/scenario-continuity-*.png.
/// </summary>
[Collection(ContinuityScenarioCollection.Name)]
public sealed class ContinuityScenarioTests(ScenarioFixture stack, ITestOutputHelper output)
{
    private const string Pseudonym = "Ahorn-07";
    private const string First = "Bewerbung beim Pflegedienst abschicken";
    private const string Second = "Kontakt zur Familienhilfe herstellen";
    private static readonly CardTexts De = CardTexts.German;
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_agreement_ticked_done_between_meetings_stays_done_when_the_next_session_reviews_and_carries_over_the_open_one()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);
        var presenter = stack.Config.Users[0];
        var actor = new CardActor(page.Api, PlaygroundChat.Group);

        // The first consultation ends with two agreements (the earliest due dates in the team's list).
        var firstSession = await StartConsultationAsync(page, actor, "1");
        for (var phase = 0; phase < 4; phase++)
        {
            await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, firstSession, expectedVersion: await actor.CurrentVersionAsync(firstSession));
        }

        await actor.InvokeAsUserAsync(presenter, CardVerbs.AgreementAdd, firstSession, new JsonObject { ["what"] = First, ["who"] = "Die Person", ["party"] = "Person", ["due"] = "2027-01-04" });
        await page.WaitForCardAsync(First, Slow); // recorded first, so it is a1
        await actor.InvokeAsUserAsync(presenter, CardVerbs.AgreementAdd, firstSession, new JsonObject { ["what"] = Second, ["who"] = "Arbeitsvermittlung", ["party"] = "Jobcenter", ["due"] = "2027-01-05" });
        await page.WaitForCardAsync(Second, Slow);
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionFinish, firstSession, expectedVersion: await actor.CurrentVersionAsync(firstSession));
        await page.WaitForCardAsync(De["Protocol_NotConfirmed"], Slow);

        // Between meetings: the moderator ticks the first one "Erledigt" in the team's list, in the browser.
        await page.SendMessageAsUserAsync(stack.Config.Users[1], PlaygroundChat.Group, "vereinbarungen");
        var list = await page.WaitForNewCardAsync(De["OpenAgreements_Title"], Slow);
        Assert.Contains(First, await list.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "scenario-continuity-0-list");

        // The "Erledigt" of the first agreement's row: the innermost block holding its text and a button (other scenarios
        // on the same stack may have agreements listed too).
        // The latest list card is found anew, as the chat re-renders its messages when other cards are updated.
        await page.MarkCardsAsSeenAsync();
        await page.Cards(De["OpenAgreements_Title"]).Last
            .Locator("div").Filter(new() { HasText = First }).Filter(new() { Has = page.Page.GetByRole(AriaRole.Button, new() { Name = De["OpenAgreements_Done"], Exact = true }) }).Last
            .GetByRole(AriaRole.Button, new() { Name = De["OpenAgreements_Done"], Exact = true }).First
            .ClickAsync(new() { Timeout = (float)Slow.TotalMilliseconds });
        await page.WaitForCardAsync(De.Format("OpenAgreements_JustDone", First), Slow);
        await Shot(page, "scenario-continuity-1-ticked-done");
        Assert.Equal("done", await StoredStatusAsync(firstSession + "/a1"));

        // The next consultation of the case shows both first, with their status.
        var secondSession = await StartConsultationAsync(page, actor, "2");
        var live = await page.WaitForCardAsync(De["Review_Title"], Slow);
        await Assertions.Expect(live).ToContainTextAsync(First);
        await Assertions.Expect(live).ToContainTextAsync(Second);
        await Assertions.Expect(live).ToContainTextAsync(De["Progress_Done"]);
        await Assertions.Expect(live).ToContainTextAsync(De["Progress_Open"]);
        await Shot(page, "scenario-continuity-2-review");

        // The open one is carried over into this session's agreements.
        var review = await actor.InvokeAsCurrentUserAsync(
            CardVerbs.AgreementReview, secondSession, new JsonObject { ["agreementId"] = firstSession + "/a2", ["status"] = "CarriedOver" });
        var reviewed = Json(review);
        Assert.Contains(De["Progress_CarriedOver"], reviewed, StringComparison.Ordinal);
        Assert.Contains(De["Agreements_Title"], reviewed, StringComparison.Ordinal);
        await page.WaitForCardAsync(De["Progress_CarriedOver"], Slow);
        await Shot(page, "scenario-continuity-3-carried-over");

        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionFinish, secondSession, expectedVersion: await actor.CurrentVersionAsync(secondSession));
        await page.WaitForCardAsync(De["Protocol_NotConfirmed"], Slow);

        // Afterwards the first stays done: in storage, and in the second session's record.
        Assert.Equal("done", await StoredStatusAsync(firstSession + "/a1"));
        Assert.Equal("carriedover", await StoredStatusAsync(firstSession + "/a2"));
        Assert.Equal("open", await StoredStatusAsync(secondSession + "/a1"));
        var record = Json(await actor.InvokeAsCurrentUserAsync(CardVerbs.ProtocolRecordText, secondSession));
        Assert.Contains($"{First} (Kundin/Kunde): erledigt", record, StringComparison.Ordinal);
        Assert.Contains($"{Second} (Jobcenter: Arbeitsvermittlung): übernommen", record, StringComparison.Ordinal);
        await Shot(page, "scenario-continuity-4-record");
    }

    /// <summary>The presenter asks for a consultation for the case; the moderator (current user) fills and submits the setup card.</summary>
    private async Task<string> StartConsultationAsync(PlaygroundPage page, CardActor actor, string run)
    {
        var moderator = stack.Config.CurrentUser;
        var (presenter, adviser) = (stack.Config.Users[0], stack.Config.Users[1]);
        await page.SendMessageAsUserAsync(presenter, PlaygroundChat.Group, "kb");
        var setup = await page.WaitForNewCardAsync(De["Setup_Title"], Slow);
        var pseudonymBox = setup.GetByRole(AriaRole.Textbox).First;
        await pseudonymBox.ClickAsync();
        await pseudonymBox.FillAsync(Pseudonym);
        await Assertions.Expect(pseudonymBox).ToHaveValueAsync(Pseudonym);
        await page.SelectCardChoiceAsync(setup, De["Role_Moderation"], moderator.Name);
        await page.SelectCardChoiceAsync(setup, De["Setup_Presenter"], presenter.Name);
        await PlaygroundPage.CheckCardChoiceAsync(setup, De["Setup_Advisers"], adviser.Name);
        var answer = await page.Page.RunAndWaitForResponseAsync(
            () => page.ClickCardButtonAsync(setup, De["Setup_Submit"]),
            r => r.Url.Contains("invoke", StringComparison.OrdinalIgnoreCase) && r.Request.Method == "POST");
        var body = await answer.TextAsync();
        output.WriteLine($"Setup {run} answered: {body[..Math.Min(300, body.Length)]}");
        var sessionId = KollegialeBeratungScenarioTests.SessionIdIn(JsonNode.Parse(body)!);
        actor.CardMessageId = JsonNode.Parse(answer.Request.PostData ?? "{}")?["replyToId"]?.GetValue<string>() ?? "0";
        await page.WaitForCardAsync("Phase 1 von 5", Slow);
        return sessionId;
    }

    /// <summary>The status column of an agreement row, read straight from the stack's Azurite.</summary>
    private async Task<string?> StoredStatusAsync(string agreementId)
    {
        var service = new TableServiceClient(stack.Stack.Azurite.ConnectionString);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.EndsWith("Agreements", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>($"AgreementId eq '{agreementId}'"))
            {
                return row.GetString("Status");
            }
        }

        return null;
    }

    /// <summary>The card as JSON with its German letters as they are (the default escapes them).</summary>
    private static string Json(JsonNode card) =>
        card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private async Task Shot(PlaygroundPage page, string name) => output.WriteLine($"Screenshot: {await page.ScreenshotAsync(name)}");
}
