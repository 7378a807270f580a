using GbbTeamsBot.Application;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Testing;
using GbbTeamsBot.TestServers;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>
/// A Kollegiale Beratung through the real host: commands and card actions as Teams posts them, Azurite for storage,
/// the fake connector recording what the bot sends.
/// </summary>
public sealed class KollegialeBeratungFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _kb = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Kb_from_setup_through_phases_agreements_and_confirmed_protocol_to_the_agreements_list()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        Assert.Contains("Falleingabe", CardJson.Text(live), StringComparison.Ordinal);
        Assert.Contains("Phase 1 von 5", CardJson.Text(live), StringComparison.Ordinal);
        Assert.Contains("endet um", CardJson.Text(live), StringComparison.Ordinal);

        // The setup card's message became the shared live card (PUT), without inputs or controls.
        var put = await WaitForPutAsync(1);
        var shared = SharedCard(put);
        Assert.Contains("Falleingabe", CardJson.Text(shared), StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(shared, CardVerbs.SessionNext));
        Assert.Equal(["29:a", "29:b", "29:c"], shared["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).Order());

        // Phase 1: the adviser asks, the case presenter rates a life domain.
        var carlaView = await _kb.ViewAsync(TeamsUser.Carla, session);
        var question = await _kb.ActAsync(TeamsUser.Carla, carlaView, CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Seit wann besteht der Kontakt zum Familienzentrum?" });
        Assert.Contains("Seit wann besteht der Kontakt", CardJson.Text(question), StringComparison.Ordinal);
        var benView = await _kb.ViewAsync(TeamsUser.Ben, session);
        await _kb.ActAsync(TeamsUser.Ben, benView, CardVerbs.ContributionAdd, new JsonObject { ["domain"] = "Gesundheit", ["light"] = "Yellow", ["text"] = "Rückenschmerzen bei langem Stehen" });

        // Phase 2: the case presenter sets the focus question.
        live = await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        Assert.Contains("Phase 2 von 5", CardJson.Text(live), StringComparison.Ordinal);
        await _kb.ActAsync(TeamsUser.Ben, await _kb.ViewAsync(TeamsUser.Ben, session), CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Wie kann Fall A-17 eine Ausbildung finden, die zu den Betreuungszeiten passt?" });

        // Phase 3: resources by area from adviser and presenter.
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        await _kb.ActAsync(TeamsUser.Carla, await _kb.ViewAsync(TeamsUser.Carla, session), CardVerbs.ContributionAdd, new JsonObject { ["area"] = "Sozial", ["text"] = "Schwester wohnt im selben Haus" });
        await _kb.ActAsync(TeamsUser.Ben, await _kb.ViewAsync(TeamsUser.Ben, session), CardVerbs.ContributionAdd, new JsonObject { ["area"] = "Persoenlich", ["text"] = "Spricht drei Sprachen" });

        // The Ressourcenkarte and the Ampeltorte show the entries by area and by life domain.
        var map = await _kb.ViewAsync(TeamsUser.Carla, session, CardViews.ResourceMap);
        Assert.Contains("Schwester wohnt im selben Haus", CardJson.Text(map), StringComparison.Ordinal);
        Assert.Contains("Ressourcenkarte", CardJson.Text(map), StringComparison.Ordinal);
        var ampel = await _kb.ViewAsync(TeamsUser.Carla, session, CardViews.Ampeltorte);
        Assert.Contains("Rückenschmerzen bei langem Stehen", CardJson.Text(ampel), StringComparison.Ordinal);

        // Phase 4: ideas; the presenter chooses.
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        await _kb.ActAsync(TeamsUser.Carla, await _kb.ViewAsync(TeamsUser.Carla, session), CardVerbs.ContributionAdd, new JsonObject { ["level"] = "Selbst", ["text"] = "Probetag im Bioladen um die Ecke" });
        var ideas = await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Ideas);
        var ideaId = CardJson.Text(ideas).Contains("Probetag", StringComparison.Ordinal) ? FindIdeaId(ideas) : throw new Xunit.Sdk.XunitException("idea missing");
        var chosen = await _kb.ActAsync(TeamsUser.Ben, ideas, CardVerbs.IdeaChoose, new JsonObject { ["chosenIdeaIds"] = ideaId });
        Assert.Contains("ausgewählt", CardJson.Text(chosen), StringComparison.OrdinalIgnoreCase);

        // Phase 5: agreements, then the moderator finishes.
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        var editor = await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Agreements);

        // A step recorded by mistake is taken back with "Entfernen": the editor comes back without it.
        var mistaken = await _kb.ActAsync(TeamsUser.Ben, editor, CardVerbs.AgreementAdd, new JsonObject { ["what"] = "Versehentlich doppelt erfasst", ["party"] = "Jobcenter" });
        Assert.Contains("Versehentlich doppelt erfasst", CardJson.Text(mistaken), StringComparison.Ordinal);
        var taken = await _kb.ActAsync(TeamsUser.Ben, mistaken, CardVerbs.AgreementRemove);
        Assert.DoesNotContain("Versehentlich doppelt erfasst", CardJson.Text(taken), StringComparison.Ordinal);
        Assert.DoesNotContain("Es wurde nichts geändert.", CardJson.Text(taken), StringComparison.Ordinal);

        var agreed = await _kb.ActAsync(TeamsUser.Ben, taken, CardVerbs.AgreementAdd, new JsonObject { ["what"] = "Probetag im Bioladen vereinbaren", ["who"] = "Die Person", ["party"] = "Person", ["due"] = "2030-04-15" });
        Assert.Contains("Probetag im Bioladen vereinbaren", CardJson.Text(agreed), StringComparison.Ordinal);
        var protocol = await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);
        Assert.Contains("Protokoll", CardJson.Text(protocol), StringComparison.Ordinal);
        Assert.Contains("Schwester wohnt im selben Haus", CardJson.Text(protocol), StringComparison.Ordinal);

        // The shared card offers "confirm" to everyone; only the case presenter may, the moderator's click is refused.
        Assert.False(CardJson.HasVerb(protocol, CardVerbs.ProtocolConfirm));
        var sharedProtocol = await WaitForSharedCardAsync(c => CardJson.HasVerb(c, CardVerbs.ProtocolConfirm));
        var refused = await _kb.ActAsync(TeamsUser.Anna, sharedProtocol, CardVerbs.ProtocolConfirm);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(refused), StringComparison.Ordinal);
        var confirmed = await _kb.ActAsync(TeamsUser.Ben, await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Protocol), CardVerbs.ProtocolConfirm);
        Assert.Contains("Bestätigt von Person 2", CardJson.Text(confirmed), StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(confirmed, CardVerbs.ProtocolConfirm));

        // The record text is ready to copy.
        var record = await _kb.ActAsync(TeamsUser.Ben, confirmed, CardVerbs.ProtocolRecordText);
        Assert.Contains("Probetag im Bioladen vereinbaren", CardJson.Text(record), StringComparison.Ordinal);

        // Afterwards the team's open agreements and protocols list them.
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "vereinbarungen"));
        var list = await _kb.WaitForCardReplyAsync();
        Assert.Contains("Probetag im Bioladen vereinbaren", CardJson.Text(list), StringComparison.Ordinal);
        Assert.Contains("Offene Vereinbarungen", CardJson.Text(list), StringComparison.Ordinal);

        // Ticked off from the list: stored as done, the list comes back without it, and it stays done.
        var afterDone = await _kb.ActAsync(TeamsUser.Carla, list, CardVerbs.AgreementDone);
        Assert.Contains("Offene Vereinbarungen", CardJson.Text(afterDone), StringComparison.Ordinal);
        Assert.Contains("Als erledigt gespeichert: „Probetag im Bioladen vereinbaren“", CardJson.Text(afterDone), StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(afterDone, CardVerbs.AgreementDone));

        // "Rückgängig" while the list is open: stored as open again and back in the list; then ticked off for good.
        var undone = await _kb.ActAsync(TeamsUser.Carla, afterDone, CardVerbs.AgreementReopen);
        Assert.True(CardJson.HasVerb(undone, CardVerbs.AgreementDone));
        Assert.Contains("Probetag im Bioladen vereinbaren", CardJson.Text(undone), StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Open, (await _host.Service<TeamQueries>().ListAgreementsForCaseAsync(TeamsHost.Tenant, "team:" + Place.Channel.TeamId, "Ahorn-07")).Single(x => x.What == "Probetag im Bioladen vereinbaren").Status);
        afterDone = await _kb.ActAsync(TeamsUser.Carla, undone, CardVerbs.AgreementDone);
        Assert.False(CardJson.HasVerb(afterDone, CardVerbs.AgreementDone));
        var stored = await _host.Service<TeamQueries>().ListAgreementsForCaseAsync(TeamsHost.Tenant, "team:" + Place.Channel.TeamId, "Ahorn-07");
        Assert.Equal(AgreementStatus.Done, Assert.Single(stored, x => x.What == "Probetag im Bioladen vereinbaren").Status);
        Assert.Equal(AgreementStatus.Dropped, Assert.Single(stored, x => x.What == "Versehentlich doppelt erfasst").Status);
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "vereinbarungen"));
        Assert.DoesNotContain("Probetag im Bioladen vereinbaren", CardJson.Text(await _kb.WaitForCardReplyAsync()), StringComparison.Ordinal);

        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "protokolle"));
        var protocols = await _kb.WaitForCardReplyAsync();
        Assert.True(CardJson.HasVerb(protocols, CardVerbs.ProtocolShow));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private async Task<RecordedRequest> WaitForPutAsync(int count) =>
        (await _host.Connector.WaitForAsync(r => r.Method == "PUT" && r.Route.EndsWith("/activities/" + KbDriver.CardId, StringComparison.Ordinal), count))[^1];

    /// <summary>The newest shared card (PUT) that matches.</summary>
    internal async Task<JsonObject> WaitForSharedCardAsync(Func<JsonObject, bool> match)
    {
        var puts = await _host.Connector.WaitForAsync(r => r.Method == "PUT" && match(SharedCard(r)));
        return SharedCard(puts[^1]);
    }

    private static JsonObject SharedCard(RecordedRequest put) => put.Json!["attachments"]![0]!["content"]!.AsObject();

    private static string FindIdeaId(JsonObject ideas)
    {
        var stack = new Stack<JsonNode>([ideas]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is JsonObject obj)
            {
                if (obj["id"]?.GetValue<string>() == "chosenIdeaIds")
                {
                    return obj["choices"]![0]!["value"]!.GetValue<string>();
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        stack.Push(child);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        throw new Xunit.Sdk.XunitException("No idea choice on the card.");
    }
}
