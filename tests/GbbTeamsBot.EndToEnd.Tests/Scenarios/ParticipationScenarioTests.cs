using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GbbTeamsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// A Helferkonferenz with a guest from another agency, in the Playground's group chat in Chromium: consent for two
/// agencies (the guest's and one more), the guest joins late, both agencies and a colleague contribute, the
/// conference runs to the agreements, and the guest's own card shows only the external view.
/// <para>
/// The Playground cannot mark a user as guest: its config has no userRole, and its member API answers every
/// configured user with <c>userRole: "user"</c>. The guest here is someone the Playground's roster does not know,
/// acting through its custom-activity API; the bot asks the Playground's own member API
/// (GET /v3/conversations/{chat}/members/{id}), gets no member back and treats the person as external, which is
/// the same rule a failed look-up or a "guest" answer from Teams leads to (see <c>ParticipantRoles.Classify</c>).
/// </para>
/// </summary>
[Collection(ParticipationScenarioCollection.Name)]
public sealed class ParticipationScenarioTests(ScenarioFixture stack, ITestOutputHelper output)
{
    private static readonly CardTexts De = CardTexts.German;

    /// <summary>A guest account of the youth office, not in the Playground's roster.</summary>
    private static readonly PlaygroundUser Guest = new("29:gbb-guest-jugendamt", "Jugendamt", "Nord (Gast)", "gast@jugendamt-nord.example", Guid.Parse("7d3c1b2a-4e5f-4a6b-9c8d-0e1f2a3b4c5d"));

    [Fact]
    public async Task Helferkonferenz_with_consent_for_two_agencies_one_a_guest_runs_to_the_agreements_and_the_guest_sees_only_the_external_view()
    {
        var page = await stack.OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Group);
        var (presenter, adviser) = (stack.Config.Users[0], stack.Config.Users[1]);
        var actor = new CardActor(page.Api, PlaygroundChat.Group);
        var run = Guid.NewGuid().ToString("N")[..6];
        var pseudonym = "Birke-" + run[..2];

        var sessionId = await SetUpAsync(page, actor, pseudonym, presenter, adviser);
        await page.WaitForCardAsync(De["Consent_Missing"]);

        // The guest joins before the start (the member look-up against the Playground finds no such member: external).
        await actor.InvokeAsUserAsync(Guest, CardVerbs.SessionJoin, sessionId);
        await ConsentViewShowsAsync(actor, sessionId, Guest.Name);

        // Consent for two agencies: the guest's (chosen from the conversation) and one typed in.
        await actor.InvokeAsCurrentUserAsync(CardVerbs.ConsentConfirm, sessionId, new JsonObject
        {
            ["consent"] = "true",
            ["release"] = "true",
            ["consentGivenBy"] = "Person",
            ["consentAgencies"] = Guest.Name,
            ["consentOtherAgencies"] = "Schuldnerberatung Ost",
            ["consentPurpose"] = "Hilfen abstimmen",
            ["consentValidUntil"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["consentPersonTakesPart"] = "false",
        }, await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De.Format("Live_PhaseOf", 1, 6));
        await ConsentViewShowsAsync(actor, sessionId, Guest.Name + ", Schuldnerberatung Ost");
        await Shot(page, "scenario-participation-1-started");

        // To the round of the helper systems: the guest's agency and a colleague's internal entry.
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De.Format("Live_PhaseOf", 3, 6));
        await actor.InvokeAsUserAsync(Guest, CardVerbs.ContributionAdd, sessionId, new JsonObject
        {
            ["kind"] = "HelperSystem",
            ["agency"] = "Jugendamt Nord " + run,
            ["mandate"] = "Hilfe zur Erziehung",
            ["activities"] = "Familienhilfe zweimal pro Woche",
        });
        await actor.InvokeAsUserAsync(adviser, CardVerbs.ContributionAdd, sessionId, new JsonObject
        {
            ["kind"] = "HelperSystem",
            ["agency"] = "Interne Einschätzung " + run,
            ["mandate"] = "Vermittlung",
            ["activities"] = "Budgetplan intern besprochen",
        });
        await page.WaitForCardAsync("Interne Einschätzung " + run);

        // On to the agreements: who does what by when.
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await actor.InvokeAsCurrentUserAsync(CardVerbs.SessionNext, sessionId, expectedVersion: await actor.CurrentVersionAsync(sessionId));
        await page.WaitForCardAsync(De.Format("Live_PhaseOf", 5, 6));
        await actor.InvokeAsCurrentUserAsync(CardVerbs.AgreementAdd, sessionId, new JsonObject
        {
            ["what"] = "Hilfeplangespräch vereinbaren " + run,
            ["who"] = "Jugendamt Nord",
            ["party"] = "Dritte",
            ["due"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await page.WaitForCardAsync("Hilfeplangespräch vereinbaren " + run);
        await Shot(page, "scenario-participation-2-agreements");

        // The guest's own card (their client without Action.Execute: the answer arrives as a card in the chat).
        var submit = page.Api.MessageFrom(Guest, PlaygroundChat.Group, string.Empty, mentionBot: false);
        submit.Remove("text");
        submit["value"] = new JsonObject
        {
            ["verb"] = CardVerbs.ViewShow,
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["sessionId"] = sessionId,
            ["expectedVersion"] = 0,
            ["view"] = CardViews.HelperRound,
        };
        await page.SendCustomActivityAsync(submit);
        var guestCard = await page.WaitForNewCardAsync(De["Live_ExternalViewHint"]);
        var text = await guestCard.InnerTextAsync();
        await Shot(page, "scenario-participation-3-guest-view");

        Assert.Contains("Jugendamt Nord " + run, text, StringComparison.Ordinal);
        Assert.Contains("Hilfeplangespräch vereinbaren " + run, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Interne Einschätzung " + run, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Budgetplan intern", text, StringComparison.Ordinal);
        Assert.DoesNotContain(adviser.Name, text, StringComparison.Ordinal);
        Assert.Equal(0, await guestCard.GetByRole(AriaRole.Button, new() { Name = De["Control_Next"], Exact = true }).CountAsync());
        Assert.Equal(0, await guestCard.GetByRole(AriaRole.Button, new() { Name = De["View_ResourceMap"], Exact = true }).CountAsync());
        Assert.Equal(0, await guestCard.GetByRole(AriaRole.Button, new() { Name = De["Live_HandOver"], Exact = true }).CountAsync());

        // A command from the guest gets the short explanation, not the team's protocols.
        await page.SendMessageAsUserAsync(Guest, PlaygroundChat.Group, "protokolle");
        var explanation = await page.WaitForNewCardAsync("als Gast");
        Assert.DoesNotContain(pseudonym, await explanation.InnerTextAsync(), StringComparison.Ordinal);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The moderator's consent view shows <paramref name="expected"/> (the guest's join arrives through the Playground, so allow it a moment).</summary>
    private static async Task ConsentViewShowsAsync(CardActor actor, string sessionId, string expected)
    {
        var json = string.Empty;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            json = (await actor.InvokeAsCurrentUserAsync(CardVerbs.ViewShow, sessionId, new JsonObject { ["view"] = CardViews.Consent })).ToJsonString(Relaxed);
            if (json.Contains(expected, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Contains(expected, json, StringComparison.Ordinal);
    }

    /// <summary>A colleague asks for a Helferkonferenz; the current user fills the setup card as moderator in the browser.</summary>
    private static async Task<string> SetUpAsync(PlaygroundPage page, CardActor actor, string pseudonym, PlaygroundUser presenter, PlaygroundUser adviser)
    {
        await page.SendMessageAsUserAsync(presenter, PlaygroundChat.Group, "helferkonferenz");
        var setup = await page.WaitForNewCardAsync(De["Setup_Title"]);
        var pseudonymBox = setup.GetByRole(AriaRole.Textbox).First;
        await pseudonymBox.ClickAsync();
        await pseudonymBox.FillAsync(pseudonym);
        await Assertions.Expect(pseudonymBox).ToHaveValueAsync(pseudonym);
        await page.SelectCardChoiceAsync(setup, De["Role_Moderation"], page.Api.Config.CurrentUser.Name);
        await page.SelectCardChoiceAsync(setup, De["Setup_Presenter"], presenter.Name);
        await PlaygroundPage.CheckCardChoiceAsync(setup, De["Setup_Advisers"], adviser.Name);
        var answer = await page.Page.RunAndWaitForResponseAsync(
            () => page.ClickCardButtonAsync(setup, De["Setup_Submit"]),
            r => r.Url.Contains("invoke", StringComparison.OrdinalIgnoreCase) && r.Request.Method == "POST");
        actor.CardMessageId = JsonNode.Parse(answer.Request.PostData ?? "{}")?["replyToId"]?.GetValue<string>() ?? "0";
        return KollegialeBeratungScenarioTests.SessionIdIn(JsonNode.Parse(await answer.TextAsync())!);
    }

    private async Task Shot(PlaygroundPage page, string name) => output.WriteLine($"Screenshot: {await page.ScreenshotAsync(name)}");
}
