using System.Text.Json.Nodes;
using GbbTeamsBot.Application.Knowledge;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Knowledge;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Teams.Knowledge;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Teams;

namespace GbbTeamsBot.Tests.Knowledge;

/// <summary>
/// The Sozialraumwissen through the real host (Azurite, real JWTs, fake connector): fed by confirmed Sozialraum-Runden,
/// searched with "wissen", ranked with "bedarfe", offered in the next consultation's Ressourcensammlung, edited, marked
/// veraltet, merged and exported; another team never sees or changes an entry, and bad input changes nothing.
/// </summary>
public sealed class KnowledgeBaseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Cafe = "Nachbarschaftscafé Lindenhof";
    private const string Childcare = "fehlende Kinderbetreuung am Nachmittag";

    private TeamsHost _host = null!;
    private KbDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _driver = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static TeamScope ChannelTeam => new(TeamsHost.Tenant, "team:" + TeamsHost.TeamId);

    [Fact]
    public async Task Two_rounds_on_different_days_count_two_mentions_rank_the_need_first_and_feed_the_next_consultation()
    {
        var first = await RunRoundAsync("Lindenhof", [("Ressource", Cafe), ("Bedarfslage", Childcare), ("Bedarfslage", "Busverbindung abends fehlt")]);
        var firstDay = _host.Clock.GetUtcNow();
        _host.Clock.Jump(TimeSpan.FromDays(7));
        await RunRoundAsync("Lindenhof", [("Ressource", Cafe), ("Bedarfslage", Childcare)]);

        // The fix: a Bedarfslage stays a Bedarfslage in the session (it was stored as "Weiteres").
        var stored = await _driver.LoadAsync(first, Place.Channel);
        Assert.Equal(2, stored.State.Contributions.Count(c => c.NeighbourhoodCategory == NeighbourhoodCategory.Needs));
        Assert.DoesNotContain(stored.State.Contributions, c => c.NeighbourhoodCategory == NeighbourhoodCategory.Other);

        // One entry per text, counted once per round, last mentioned on the second day.
        var index = await _host.Service<KnowledgeService>().IndexAsync(ChannelTeam);
        var need = Assert.Single(index.Entries, e => e.Title == Childcare);
        Assert.Equal(KnowledgeCategory.Need, need.Category);
        Assert.Equal(2, need.MentionCount);
        Assert.True(need.LastMentioned > firstDay.AddDays(6));
        Assert.Equal(2, Assert.Single(index.Entries, e => e.Title == Cafe).MentionCount);

        var search = await CommandAsync("wissen kinderbetreuung");
        var text = CardJson.Text(search);
        Assert.Contains(Childcare, text, StringComparison.Ordinal);
        Assert.Contains("2× genannt", text, StringComparison.Ordinal);
        Assert.Contains("Bedarfslagen (1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Cafe, text, StringComparison.Ordinal);

        // German-aware: a compound part and an inflected, differently written form find it too.
        Assert.Contains(Childcare, CardJson.Text(await CommandAsync("wissen Betreuung")), StringComparison.Ordinal);
        Assert.Contains(Cafe, CardJson.Text(await CommandAsync("wissen NACHBARSCHAFTSCAFE")), StringComparison.Ordinal);

        var needs = CardJson.Text(await CommandAsync("bedarfe"));
        Assert.Contains("1. " + Childcare, needs, StringComparison.Ordinal);
        Assert.Contains("2. Busverbindung abends fehlt", needs, StringComparison.Ordinal);

        // The next Kollegiale Beratung: its Ressourcensammlung offers the café, and one tap adds it.
        var (kb, _) = await _driver.StartAsync(Place.Channel, "Birke-12");
        await _driver.ActAsync(TeamsUser.Anna, await _driver.ViewAsync(TeamsUser.Anna, kb), CardVerbs.SessionNext);
        await _driver.ActAsync(TeamsUser.Ben, await _driver.ViewAsync(TeamsUser.Ben, kb), CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Wo findet die Person im Lindenhof Kontakte für sich und die Kinder?" });
        var ressourcen = await _driver.ActAsync(TeamsUser.Anna, await _driver.ViewAsync(TeamsUser.Anna, kb), CardVerbs.SessionNext);
        Assert.Contains("Aus dem Sozialraumwissen", CardJson.Text(await _driver.ViewAsync(TeamsUser.Carla, kb)), StringComparison.Ordinal);
        var offered = await _driver.ViewAsync(TeamsUser.Carla, kb, KnowledgeViews.Suggestions);
        Assert.Contains(Cafe, CardJson.Text(offered), StringComparison.Ordinal);
        // Needs are not resources: they are not offered as contributions.
        Assert.DoesNotContain(Childcare, CardJson.Text(offered), StringComparison.Ordinal);
        var added = await _driver.ActAsync(TeamsUser.Carla, offered, CardVerbs.ContributionAdd);
        Assert.Contains("aus dem Sozialraumwissen", CardJson.Text(added), StringComparison.Ordinal);
        var contribution = Assert.Single((await _driver.LoadAsync(kb, Place.Channel)).State.Contributions, c => c.Kind == ContributionKind.Resource);
        Assert.Equal(Cafe, contribution.Text);
        Assert.Equal(ResourceArea.Neighbourhood, contribution.ResourceArea);
        Assert.Equal(index.Entries.Single(e => e.Title == Cafe).Id, contribution.KnowledgeEntryId);

        // Once added, it is no longer offered.
        var after = await _driver.ViewAsync(TeamsUser.Carla, kb, KnowledgeViews.Suggestions);
        Assert.DoesNotContain(CardJson.Actions(after), a => a["data"]?[KnowledgeDataKeys.KnowledgeEntryId] is not null);
        _ = ressourcen;
    }

    [Fact]
    public async Task Edit_veraltet_and_merge_change_the_entry_and_a_stale_card_changes_nothing()
    {
        await RunRoundAsync("Nordstadt", [("Ressource", "Sprachkurs Familienzentrum"), ("Schluesselperson", "Hausmeister Wohnanlage Lindenhof")]);
        _host.Clock.Jump(TimeSpan.FromDays(7));
        // Alike, but not alike enough to be counted as the same without asking: offered for merging.
        await RunRoundAsync("Nordstadt", [("Ressource", "Sprachkurse im Familienzentrum Nord am Markt")]);
        var list = await CommandAsync("wissen");
        Assert.Contains("Sprachkurs Familienzentrum", CardJson.Text(list), StringComparison.Ordinal);

        // Edit: the card shows the entry; saving stores the new texts.
        var keyPerson = Entry("Hausmeister Wohnanlage Lindenhof");
        var editCard = await ActOnEntryAsync(list, KnowledgeVerbs.Edit, keyPerson.Id);
        Assert.Contains("Eintrag bearbeiten", CardJson.Text(editCard), StringComparison.Ordinal);
        var saved = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Ben, Place.Channel, CardJson.RequireData(editCard, KnowledgeVerbs.Save), KbDriver.CardId, new JsonObject
        {
            [KnowledgeDataKeys.Category] = "Schluesselperson",
            [KnowledgeDataKeys.Title] = "Hausmeister Wohnanlage Lindenhof",
            [KnowledgeDataKeys.Description] = "Kennt die Familien im Haus, ansprechbar im Hausmeisterbüro",
            [KnowledgeDataKeys.Place] = "Hausmeisterbüro, Eingang B",
            [KnowledgeDataKeys.Tags] = "Wohnen, Kontakte",
        }));
        Assert.Contains("Gespeichert.", CardJson.Text(saved), StringComparison.Ordinal);
        var edited = Entry("Hausmeister Wohnanlage Lindenhof");
        Assert.Equal("Hausmeisterbüro, Eingang B", edited.Place);
        Assert.Equal(["Wohnen", "Kontakte"], edited.Tags);
        Assert.Equal(keyPerson.Revision + 1, edited.Revision);

        // The same edit card again is stale: refused, nothing changed.
        var stale = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Ben, Place.Channel, CardJson.RequireData(editCard, KnowledgeVerbs.Save), KbDriver.CardId, new JsonObject
        {
            [KnowledgeDataKeys.Category] = "Schluesselperson",
            [KnowledgeDataKeys.Title] = "Überschrieben",
        }));
        Assert.Contains("inzwischen geändert", CardJson.Text(stale), StringComparison.Ordinal);
        Assert.Equal(edited, Entry("Hausmeister Wohnanlage Lindenhof"));

        // Veraltet, shown on the list, and current again.
        var outdated = await ActOnEntryAsync(await CommandAsync("wissen hausmeister"), KnowledgeVerbs.Outdated, edited.Id);
        Assert.Contains("veraltet", CardJson.Text(outdated), StringComparison.Ordinal);
        Assert.Equal(KnowledgeStatus.Outdated, Entry("Hausmeister Wohnanlage Lindenhof").Status);
        await ActOnEntryAsync(outdated, KnowledgeVerbs.Outdated, edited.Id);
        Assert.Equal(KnowledgeStatus.Current, Entry("Hausmeister Wohnanlage Lindenhof").Status);

        // Merge: the similar titles are suggested; merging moves the mentions and keeps the duplicate as merged.
        var courses = await CommandAsync("wissen sprachkurse");
        var duplicate = Entry("Sprachkurse im Familienzentrum Nord am Markt");
        var target = Entry("Sprachkurs Familienzentrum");
        Assert.Contains("Zusammenführen mit", CardJson.Text(courses), StringComparison.Ordinal);
        var merge = CardJson.Actions(courses).Select(a => a["data"]!.AsObject())
            .First(d => d["verb"]?.GetValue<string>() == KnowledgeVerbs.Merge && d[KnowledgeDataKeys.EntryId]?.GetValue<string>() == duplicate.Id);
        Assert.Equal(target.Id, merge[KnowledgeDataKeys.TargetId]!.GetValue<string>());
        var merged = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, merge, KbDriver.CardId));
        Assert.Contains("Gespeichert.", CardJson.Text(merged), StringComparison.Ordinal);
        Assert.Equal(KnowledgeStatus.Merged, Entry("Sprachkurse im Familienzentrum Nord am Markt").Status);
        Assert.Equal(target.Id, Entry("Sprachkurse im Familienzentrum Nord am Markt").MergedIntoId);
        Assert.Equal(2, Entry("Sprachkurs Familienzentrum").MentionCount);
        Assert.DoesNotContain("Sprachkurse im Familienzentrum Nord am Markt", CardJson.Text(await CommandAsync("wissen sprachkurs")), StringComparison.Ordinal);

        // An edit of the merged entry and a second merge from the old card are refused; nothing changes.
        var mergedEntry = Entry("Sprachkurse im Familienzentrum Nord am Markt");
        var again = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, merge, KbDriver.CardId));
        Assert.Contains("zusammengeführt", CardJson.Text(again), StringComparison.Ordinal);
        var editMerged = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, new JsonObject
        {
            ["verb"] = KnowledgeVerbs.Save,
            [KnowledgeDataKeys.EntryId] = mergedEntry.Id,
            [KnowledgeDataKeys.Revision] = mergedEntry.Revision,
            [KnowledgeDataKeys.Category] = "Ressource",
            [KnowledgeDataKeys.Title] = "Neuer Titel",
        }, KbDriver.CardId));
        Assert.Contains("zusammengeführt", CardJson.Text(editMerged), StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(editMerged), StringComparison.Ordinal);
        Assert.Equal(mergedEntry, Entry("Sprachkurse im Familienzentrum Nord am Markt"));
        Assert.Equal(2, Entry("Sprachkurs Familienzentrum").MentionCount);
    }

    [Theory]
    [InlineData("", "Titel")]
    [InlineData("   ", "Titel")]
    [InlineData("long", "zu lang")]
    [InlineData("Frau Schneider aus der Hausnummer 5, Tel. 0171 2345678", "Telefonnummer")]
    public async Task Bad_input_on_the_edit_card_gets_a_clear_answer_and_changes_nothing(string title, string expected)
    {
        await RunRoundAsync("Südstadt", [("Ressource", "Tafel Südstadt")]);
        var before = Entry("Tafel Südstadt");
        var editCard = await ActOnEntryAsync(await CommandAsync("wissen tafel"), KnowledgeVerbs.Edit, before.Id);
        var answer = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Ben, Place.Channel, CardJson.RequireData(editCard, KnowledgeVerbs.Save), KbDriver.CardId, new JsonObject
        {
            [KnowledgeDataKeys.Category] = "Ressource",
            [KnowledgeDataKeys.Title] = title == "long" ? new string('x', KnowledgeRules.TitleMaxLength + 1) : title,
            [KnowledgeDataKeys.Description] = title == "long" ? new string('y', 50) : null,
        }));
        var text = CardJson.Text(answer);
        Assert.Contains(expected, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Es wurde nichts geändert.", text, StringComparison.Ordinal);
        Assert.Equal(before, Entry("Tafel Südstadt"));
    }

    [Fact]
    public async Task Bad_card_data_an_unknown_category_and_an_over_long_description_change_nothing()
    {
        await RunRoundAsync("Weststadt", [("Vernetzung", "Netzwerktreffen Familienbildung im Stadtteilzentrum")]);
        var before = Entry("Netzwerktreffen Familienbildung im Stadtteilzentrum");
        async Task<string> SaveAsync(JsonObject data) => CardJson.Text(await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Ben, Place.Channel, data, KbDriver.CardId)));
        JsonObject Data(string category, string? description = null, int? revision = null) => new()
        {
            ["verb"] = KnowledgeVerbs.Save,
            [KnowledgeDataKeys.EntryId] = before.Id,
            [KnowledgeDataKeys.Revision] = revision ?? before.Revision,
            [KnowledgeDataKeys.Category] = category,
            [KnowledgeDataKeys.Title] = "Stadtteilkonferenz",
            [KnowledgeDataKeys.Description] = description,
        };

        Assert.Contains("nichts geändert", await SaveAsync(Data("Geheim")), StringComparison.Ordinal);
        Assert.Contains("zu lang", await SaveAsync(Data("Netzwerk", new string('z', KnowledgeRules.DescriptionMaxLength + 1))), StringComparison.Ordinal);
        Assert.Contains("inzwischen geändert", await SaveAsync(Data("Netzwerk", revision: before.Revision + 5)), StringComparison.Ordinal);
        var unknown = Data("Netzwerk");
        unknown[KnowledgeDataKeys.EntryId] = "k-does-not-exist";
        Assert.Contains("gibt es im Sozialraumwissen dieses Teams nicht", await SaveAsync(unknown), StringComparison.Ordinal);
        Assert.Equal(before, Entry("Netzwerktreffen Familienbildung im Stadtteilzentrum"));
    }

    [Fact]
    public async Task Another_team_never_sees_or_changes_an_entry()
    {
        await RunRoundAsync("Ost", [("Ressource", "Repair-Café im Gemeindehaus"), ("Ressource", "Repair Café Gemeindehaus Ost")]);
        var entry = Entry("Repair-Café im Gemeindehaus");
        var other = Entry("Repair Café Gemeindehaus Ost");

        // The group chat is another team: it sees nothing of the channel's catalogue.
        var foreignList = await CommandAsync("wissen repair", Place.Group);
        Assert.DoesNotContain("Repair", CardJson.Text(foreignList), StringComparison.Ordinal);
        Assert.Contains("noch leer", CardJson.Text(foreignList), StringComparison.Ordinal);
        Assert.Contains("Keine Bedarfslage", CardJson.Text(await CommandAsync("bedarfe", Place.Group)), StringComparison.OrdinalIgnoreCase);

        // Card data naming the channel's entries, sent from the other team: refused, nothing changed.
        foreach (var data in new[]
        {
            new JsonObject { ["verb"] = KnowledgeVerbs.Edit, [KnowledgeDataKeys.EntryId] = entry.Id, [KnowledgeDataKeys.Revision] = entry.Revision },
            new JsonObject { ["verb"] = KnowledgeVerbs.Save, [KnowledgeDataKeys.EntryId] = entry.Id, [KnowledgeDataKeys.Revision] = entry.Revision, [KnowledgeDataKeys.Category] = "Ressource", [KnowledgeDataKeys.Title] = "Gekapert" },
            new JsonObject { ["verb"] = KnowledgeVerbs.Outdated, [KnowledgeDataKeys.EntryId] = entry.Id, [KnowledgeDataKeys.Revision] = entry.Revision, [KnowledgeDataKeys.Outdated] = "true" },
            new JsonObject { ["verb"] = KnowledgeVerbs.Merge, [KnowledgeDataKeys.EntryId] = other.Id, [KnowledgeDataKeys.TargetId] = entry.Id, [KnowledgeDataKeys.Revision] = other.Revision },
        })
        {
            var answer = CardJson.Text(await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Carla, Place.Group, data, KbDriver.CardId)));
            Assert.Contains("gibt es im Sozialraumwissen dieses Teams nicht", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("Repair", answer, StringComparison.Ordinal);
        }

        Assert.Equal(entry, Entry("Repair-Café im Gemeindehaus"));
        Assert.Equal(other, Entry("Repair Café Gemeindehaus Ost"));
        Assert.Empty((await _host.Service<KnowledgeService>().IndexAsync(new TeamScope(TeamsHost.Tenant, "chat:" + TeamsHost.GroupChat))).Entries);
    }

    [Fact]
    public async Task The_csv_export_arrives_as_a_download_link_whose_file_opens_as_csv_with_umlauts_intact()
    {
        await RunRoundAsync("Mitte", [("Ressource", "Begegnungsstätte „Grüne Straße“; offen montags"), ("Bedarfslage", "Öffentliche Verkehrsmittel: schlechte Anbindung")]);
        var list = await CommandAsync("wissen");
        _host.Connector.Clear();
        var answer = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, CardJson.RequireData(list, KnowledgeVerbs.Export), KbDriver.CardId));
        Assert.Contains("Download-Link wurde gesendet", CardJson.Text(answer), StringComparison.Ordinal);

        // The message links to the bot's own download address (Teams:PublicBaseUrl); the test host answers it on loopback.
        var posts = await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Body.Contains(KnowledgeExportDownload.Path, StringComparison.Ordinal));
        var text = posts[^1].Json!["text"]!.GetValue<string>();
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(text, @"\((https://gbb\.example\.org/teams/knowledge-export\?id=[^)\s]+)\)").Groups[1].Value);
        Assert.DoesNotContain(TeamsHost.TeamId, link.Query, StringComparison.Ordinal);
        using var download = await _host.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("sozialraumwissen.csv", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        // An altered id is refused and gives nothing away.
        using var forged = await _host.Client.GetAsync(KnowledgeExportDownload.Path + "?id=" + Uri.EscapeDataString(Uri.UnescapeDataString(link.Query[4..]) + "x"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.StatusCode);
        Assert.DoesNotContain("Begegnungsstätte", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rows = KnowledgeCsvReader.Parse(bytes);
        Assert.Equal("Kategorie", rows[0][0]);
        Assert.Equal("Zuletzt erwähnt", rows[0][7]);
        var cafe = Assert.Single(rows, r => r[1].StartsWith("Begegnungsstätte", StringComparison.Ordinal));
        Assert.Equal("Begegnungsstätte „Grüne Straße“; offen montags", cafe[1]);
        Assert.Equal("Ressourcen", cafe[0]);
        Assert.Equal("1", cafe[8]);
        var need = Assert.Single(rows, r => r[0] == "Bedarfslagen");
        Assert.Equal("Öffentliche Verkehrsmittel: schlechte Anbindung", need[1]);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
    }

    [Fact]
    public async Task The_confirm_card_proposes_new_entries_and_matches_and_a_skipped_entry_stays_out()
    {
        await RunRoundAsync("Lindenhof", [("Ressource", Cafe)]);
        _host.Clock.Jump(TimeSpan.FromDays(7));
        var (session, protocol) = await RunRoundAsync("Lindenhof", [("Ressource", "Nachbarschaftscafe Lindenhof"), ("Projektidee", "Gemeinschaftsgarten im Hof"), ("Beobachtung", "Neue Ampel an der Schule")], confirm: false);

        var proposal = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, CardJson.RequireData(protocol, CardVerbs.ViewShow, CardDataKeys.View, KnowledgeViews.Proposal), KbDriver.CardId));
        var text = CardJson.Text(proposal);
        Assert.Contains("zählt als weitere Nennung von „" + Cafe + "“", text, StringComparison.Ordinal);
        Assert.Contains("Gemeinschaftsgarten im Hof", text, StringComparison.Ordinal);
        Assert.Contains("neuer Eintrag", text, StringComparison.Ordinal);
        // Observations stay in the protocol only.
        Assert.DoesNotContain("Neue Ampel an der Schule", string.Join(" ", CardJson.Actions(proposal).Select(a => a.ToJsonString())), StringComparison.Ordinal);

        // An adviser may not decide; a foreign item key changes nothing.
        var gardenKey = KnowledgeService.ItemKey(new KnowledgeItem(KnowledgeService.DraftOf(KnowledgeCategory.Idea, "Gemeinschaftsgarten im Hof", null, "Lindenhof"), new KnowledgeMention(session, DateTimeOffset.UtcNow)));
        var skipGarden = CardJson.RequireData(proposal, KnowledgeVerbs.Skip, KnowledgeDataKeys.ItemKey, gardenKey);
        var byAdviser = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Carla, Place.Channel, skipGarden, KbDriver.CardId));
        Assert.DoesNotContain("wird nicht übernommen", CardJson.Text(byAdviser), StringComparison.Ordinal);
        var foreign = (JsonObject)skipGarden.DeepClone();
        foreign[KnowledgeDataKeys.ItemKey] = "0000000000000000";
        Assert.Contains("nichts geändert", CardJson.Text(await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, foreign, KbDriver.CardId))), StringComparison.Ordinal);
        Assert.Empty(await _host.Service<KnowledgeService>().SkippedAsync(ChannelTeam, session));

        var skipped = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, skipGarden, KbDriver.CardId));
        Assert.Contains("wird nicht übernommen", CardJson.Text(skipped), StringComparison.Ordinal);
        Assert.Equal([gardenKey], await _host.Service<KnowledgeService>().SkippedAsync(ChannelTeam, session));
        var confirmed = await _driver.ActAsync(TeamsUser.Anna, skipped, CardVerbs.ProtocolConfirm);
        Assert.Contains("Bestätigt von", CardJson.Text(confirmed), StringComparison.Ordinal);

        var titles = (await _host.Service<KnowledgeService>().IndexAsync(ChannelTeam)).Entries.Select(e => e.Title).ToList();
        Assert.DoesNotContain("Gemeinschaftsgarten im Hof", titles);
        Assert.Equal(2, Entry(Cafe).MentionCount);
    }

    [Fact]
    public async Task A_sozialraum_resource_of_a_consultation_is_offered_to_the_catalogue_without_the_case_reference()
    {
        var (kb, _) = await _driver.StartAsync(Place.Channel, "Eiche-05");
        await _driver.ActAsync(TeamsUser.Anna, await _driver.ViewAsync(TeamsUser.Anna, kb), CardVerbs.SessionNext);
        await _driver.ActAsync(TeamsUser.Anna, await _driver.ViewAsync(TeamsUser.Anna, kb), CardVerbs.SessionNext);
        await _driver.ActAsync(TeamsUser.Carla, await _driver.ViewAsync(TeamsUser.Carla, kb), CardVerbs.ContributionAdd, new JsonObject { ["area"] = "Sozialraum", ["text"] = "Eiche-05: Elterncafé im Stadtteilzentrum" });
        await _driver.ActAsync(TeamsUser.Carla, await _driver.ViewAsync(TeamsUser.Carla, kb), CardVerbs.ContributionAdd, new JsonObject { ["area"] = "Sozial", ["text"] = "Schwester wohnt im selben Haus" });

        var map = await _driver.ViewAsync(TeamsUser.Carla, kb, CardViews.ResourceMap);
        var offers = CardJson.Actions(map).Where(a => a["verb"]?.GetValue<string>() == KnowledgeVerbs.Offer).ToList();
        // Only the Sozialraum resource is offered; personal and social resources stay with the case.
        var offer = Assert.Single(offers);
        var answer = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Carla, Place.Channel, offer["data"]!.AsObject(), KbDriver.CardId));
        Assert.Contains("Ins Sozialraumwissen übernommen: „Elterncafé im Stadtteilzentrum“", CardJson.Text(answer), StringComparison.Ordinal);
        var entry = Entry("Elterncafé im Stadtteilzentrum");
        Assert.Equal(KnowledgeCategory.Resource, entry.Category);
        Assert.DoesNotContain((await _host.Service<KnowledgeService>().IndexAsync(ChannelTeam)).Entries, e => e.Title.Contains("Eiche", StringComparison.Ordinal) || e.Title.Contains("Schwester", StringComparison.Ordinal));

        // Offered again from the same session: counted once.
        await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Carla, Place.Channel, offer["data"]!.AsObject(), KbDriver.CardId));
        Assert.Equal(1, Entry("Elterncafé im Stadtteilzentrum").MentionCount);

        // Data naming a contribution that is no Sozialraum resource: refused, nothing added.
        var foreign = (JsonObject)offer["data"]!.DeepClone();
        foreign[KnowledgeDataKeys.ContributionId] = "c-unknown";
        Assert.Contains("nichts geändert", CardJson.Text(await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Carla, Place.Channel, foreign, KbDriver.CardId))), StringComparison.Ordinal);
        Assert.Single((await _host.Service<KnowledgeService>().IndexAsync(ChannelTeam)).Entries);
    }

    private KnowledgeEntry Entry(string title)
    {
        var entries = _host.Service<KnowledgeService>().IndexAsync(ChannelTeam).GetAwaiter().GetResult().Entries.ToList();
        return entries.SingleOrDefault(e => e.Title == title)
            ?? throw new Xunit.Sdk.XunitException($"No entry '{title}' among: {string.Join(" | ", entries.Select(e => e.Title))}; {string.Join("\n", _host.Logs.TakeLast(15))}");
    }

    private async Task<JsonObject> CommandAsync(string text, Place? place = null)
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, place ?? Place.Channel, text));
        return await _driver.WaitForCardReplyAsync();
    }

    private async Task<JsonObject> ActOnEntryAsync(JsonObject card, string verb, string entryId)
    {
        var data = CardJson.Actions(card).Select(a => a["data"]!.AsObject())
            .First(d => d["verb"]?.GetValue<string>() == verb && d[KnowledgeDataKeys.EntryId]?.GetValue<string>() == entryId);
        return await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, data, KbDriver.CardId));
    }

    /// <summary>A Sozialraum-Runde in the channel with these entries, run to its end and confirmed by the moderator.</summary>
    private async Task<string> RunRoundAsync(string neighbourhood, IReadOnlyList<(string Category, string Text)> entries) =>
        (await RunRoundAsync(neighbourhood, entries, confirm: true)).SessionId;

    private async Task<(string SessionId, JsonObject Protocol)> RunRoundAsync(string neighbourhood, IReadOnlyList<(string Category, string Text)> entries, bool confirm)
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "sozialraum"));
        var setup = await _driver.WaitForCardReplyAsync();
        var start = CardJson.RequireData(setup, CardVerbs.SessionStart);
        await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, start, KbDriver.CardId, new JsonObject
        {
            ["method"] = "SozialraumRunde",
            ["casePseudonym"] = neighbourhood,
            ["moderatorId"] = "29:a",
            ["adviserIds"] = "29:b,29:c",
            ["plannedMinutes"] = "15",
            ["startNow"] = "true",
        }));
        var session = start["sessionId"]!.GetValue<string>();
        foreach (var (category, text) in entries)
        {
            var added = await _driver.ActAsync(TeamsUser.Carla, await _driver.ViewAsync(TeamsUser.Carla, session), CardVerbs.ContributionAdd, new JsonObject { ["category"] = category, ["text"] = text });
            Assert.Contains(text, CardJson.Text(added), StringComparison.Ordinal);
            Assert.Equal(entries.ToList().IndexOf((category, text)) + 1, (await _driver.LoadAsync(session, Place.Channel)).State.Contributions.Count);
        }

        var protocol = await _driver.ActAsync(TeamsUser.Anna, await _driver.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        if (!confirm)
        {
            return (session, protocol);
        }

        var confirmed = await _driver.ActAsync(TeamsUser.Anna, protocol, CardVerbs.ProtocolConfirm);
        Assert.Contains("Bestätigt von", CardJson.Text(confirmed), StringComparison.Ordinal);
        return (session, confirmed);
    }
}
