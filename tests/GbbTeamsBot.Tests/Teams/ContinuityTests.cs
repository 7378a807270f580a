using System.Text.Json.Nodes;
using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>
/// Continuity between meetings through the real host (Azurite, the fake connector): the case over time ("fall"), the
/// seven-part record with the Protokoll role's texts and its correction, and agreement statuses that a later session
/// never writes back.
/// </summary>
public sealed class ContinuityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly TeamsUser Outsider = new("29:d", "Person 4");

    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _kb = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Fall_command_shows_both_sessions_with_their_ampeltorte_and_the_agreements_only_in_the_team()
    {
        var first = await ConsultationWithAgreementsAsync("Ahorn-07", "Gesundheit", "Yellow", "Bewerbung beim Pflegedienst abschicken", "Kontakt zur Familienhilfe herstellen");
        await ConfirmAsync(first);
        var second = await ConsultationWithAgreementsAsync("Ahorn-07", "BildungBeruf", "Green", "Probetag im Bioladen vereinbaren");

        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "fall Ahorn-07"));
        var card = CardJson.Text(await _kb.WaitForCardReplyAsync());

        Assert.Contains("Fallverlauf", card, StringComparison.Ordinal);
        Assert.Contains("Protokoll Version 1", card, StringComparison.Ordinal);
        Assert.Contains("Protokoll noch nicht bestätigt", card, StringComparison.Ordinal);
        Assert.Contains("Gesundheit: Wird geklärt", card, StringComparison.Ordinal);
        Assert.Contains("Bildung, Beruf und Beschäftigung: Läuft gut", card, StringComparison.Ordinal);
        Assert.Contains("Bewerbung beim Pflegedienst abschicken", card, StringComparison.Ordinal);
        Assert.Contains("Kontakt zur Familienhilfe herstellen", card, StringComparison.Ordinal);
        Assert.Contains("Probetag im Bioladen vereinbaren", card, StringComparison.Ordinal);
        Assert.Contains("Schwester wohnt im selben Haus (neu)", card, StringComparison.Ordinal);
        var sessionLinks = CardJson.Actions(JsonNode.Parse(_host.Connector.Requests[^1].Body)!)
            .Where(a => a["verb"]?.GetValue<string>() == CardVerbs.ProtocolShow)
            .Select(a => a["data"]!["sessionId"]!.GetValue<string>())
            .ToList();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), sessionLinks.Order(StringComparer.Ordinal));

        // Oldest first: the confirmed first session is listed before the second.
        Assert.True(card.IndexOf("Protokoll Version 1", StringComparison.Ordinal) < card.IndexOf("Protokoll noch nicht bestätigt", StringComparison.Ordinal));

        // "case" in English works the same; another team (a group chat) finds nothing of this case.
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Group, "case Ahorn-07"));
        var elsewhere = CardJson.Text(await _kb.WaitForCardReplyAsync());
        Assert.Contains("noch keine Beratung", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("Pflegedienst", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_record_has_all_seven_parts_with_the_protokoll_texts_and_a_correction_is_confirmed_as_version_2()
    {
        var session = await ConsultationWithAgreementsAsync("Linde-33", "Gesundheit", "Red", "Bewerbung beim Pflegedienst abschicken");

        // The moderator keeps the protocol here (no protocol keeper): summary and needs/obstacles before confirming.
        var protocol = await _kb.ViewAsync(TeamsUser.Anna, session, CardViews.Protocol);
        Assert.True(CardJson.HasVerb(protocol, CardVerbs.ProtocolTexts));
        Assert.False(CardJson.HasVerb(await _kb.ViewAsync(TeamsUser.Carla, session, CardViews.Protocol), CardVerbs.ProtocolTexts));
        var saved = await _kb.ActAsync(TeamsUser.Anna, protocol, CardVerbs.ProtocolTexts, new JsonObject
        {
            ["summary"] = "Die Person sucht eine Ausbildung in Teilzeit.",
            ["needs"] = "Kinderbetreuung am Nachmittag fehlt.",
        });
        Assert.Contains("Kinderbetreuung am Nachmittag fehlt.", CardJson.Text(saved), StringComparison.Ordinal);
        await ConfirmAsync(session);

        var record = RecordOf(await _kb.ActAsync(TeamsUser.Ben, await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Protocol), CardVerbs.ProtocolRecordText));
        foreach (var part in new[]
        {
            "1. Reflexion vorangegangener Vereinbarungen", "2. Zusammenfassung", "3. Ergebnisse der Zielarbeit", "4. Handlungsbedarfe / Hemmnisse",
            "5. Lösungsansätze und nächste Schritte", "6. Verantwortlichkeiten", "7. Einbezogene Partnerinnen und Partner",
        })
        {
            Assert.Contains(part, record, StringComparison.Ordinal);
        }

        Assert.Contains("Die Person sucht eine Ausbildung in Teilzeit.", record, StringComparison.Ordinal);
        Assert.Contains("Kinderbetreuung am Nachmittag fehlt.", record, StringComparison.Ordinal);
        Assert.Contains("Bewerbung beim Pflegedienst abschicken – Kundin/Kunde – bis 04.01.2027", record, StringComparison.Ordinal);
        Assert.Contains("Protokollversion 1 (bestätigt)", record, StringComparison.Ordinal);

        // A correction without a reason is refused and changes nothing; with one it becomes version 2, confirmed again.
        var confirmed = await _kb.ViewAsync(TeamsUser.Anna, session, CardViews.Protocol);
        Assert.True(CardJson.HasVerb(confirmed, CardVerbs.ProtocolCorrect));
        var noReason = await _kb.ActAsync(TeamsUser.Anna, confirmed, CardVerbs.ProtocolCorrect, new JsonObject { ["summary"] = "Geändert", ["needs"] = "Geändert" });
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(noReason), StringComparison.Ordinal);
        var corrected = await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session, CardViews.Protocol), CardVerbs.ProtocolCorrect, new JsonObject
        {
            ["summary"] = "Die Person sucht eine Ausbildung in Teilzeit ab Sommer.",
            ["needs"] = "Kinderbetreuung am Nachmittag fehlt.",
            ["reason"] = "Beginn der Ausbildung ergänzt",
        });
        Assert.Contains("nicht bestätigt", CardJson.Text(corrected), StringComparison.OrdinalIgnoreCase);
        await ConfirmAsync(session);

        var v2 = await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Protocol);
        Assert.Contains("Protokollversion", CardJson.Text(v2), StringComparison.Ordinal);
        var record2 = RecordOf(await _kb.ActAsync(TeamsUser.Ben, v2, CardVerbs.ProtocolRecordText));
        Assert.Contains("Protokollversion 2 (bestätigt)", record2, StringComparison.Ordinal);
        Assert.Contains("ab Sommer", record2, StringComparison.Ordinal);
        var versions = await _host.Service<TeamQueries>().ListProtocolVersionsAsync(new SessionAddress(TeamsHost.Tenant, "team:" + TeamsHost.TeamId, session));
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("Beginn der Ausbildung ergänzt", versions[0].CorrectionReason);
        Assert.DoesNotContain("ab Sommer", versions[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_open_session_never_writes_an_agreement_ticked_done_in_between_back_to_open_and_outsiders_cannot_tick()
    {
        var first = await ConsultationWithAgreementsAsync("Eiche-12", "Gesundheit", "Yellow", "Bewerbung beim Pflegedienst abschicken");

        // The next session of the case starts (its copy says "offen"); meanwhile the list ticks the agreement done.
        var (second, _) = await _kb.StartAsync(Place.Channel, "Eiche-12");
        var review = await _kb.ViewAsync(TeamsUser.Anna, second);
        Assert.Contains("Frühere Vereinbarungen", CardJson.Text(review), StringComparison.Ordinal);
        Assert.True(CardJson.HasVerb(review, CardVerbs.AgreementReview));

        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "vereinbarungen"));
        var list = await _kb.WaitForCardReplyAsync();

        // Someone without a role in the case's sessions is refused; nothing changes.
        var refused = await _kb.ActAsync(Outsider, list, CardVerbs.AgreementDone);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Open, (await AgreementAsync("Eiche-12", first + "/a1")).Status);

        await _kb.ActAsync(TeamsUser.Carla, list, CardVerbs.AgreementDone);
        var done = await AgreementAsync("Eiche-12", first + "/a1");
        Assert.Equal(AgreementStatus.Done, done.Status);
        Assert.Equal("29:c", done.StatusChangedById);

        // The second session records its own agreement and finishes: everything it knows is written, the newer status stays.
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, second), CardVerbs.SessionFinish);
        Assert.Equal(AgreementStatus.Done, (await AgreementAsync("Eiche-12", first + "/a1")).Status);

        // A later session reviews the done one again: "nicht erledigt" needs a reason, and the review keeps who set it.
        var (third, _) = await _kb.StartAsync(Place.Channel, "Eiche-12");
        var thirdView = await _kb.ViewAsync(TeamsUser.Anna, third);
        Assert.Contains("erledigt", CardJson.Text(thirdView), StringComparison.Ordinal);
        var noReason = await _kb.ActAsync(TeamsUser.Anna, thirdView, CardVerbs.AgreementReview, new JsonObject { ["status"] = "NotDone", ["agreementId"] = first + "/a1" });
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(noReason), StringComparison.Ordinal);
        var notDone = await _kb.ActAsync(TeamsUser.Anna, thirdView, CardVerbs.AgreementReview, new JsonObject { ["status"] = "NotDone", ["agreementId"] = first + "/a1", ["reason"] = "Stelle war schon vergeben" });
        Assert.Contains("Stelle war schon vergeben", CardJson.Text(notDone), StringComparison.Ordinal);
        var stored = await AgreementAsync("Eiche-12", first + "/a1");
        Assert.Equal(AgreementStatus.NotDone, stored.Status);
        Assert.Equal("Stelle war schon vergeben", stored.StatusReason);
        Assert.Equal("29:a", stored.StatusChangedById);
    }

    /// <summary>A KB for the case: an Ampeltorte entry and a resource in phase 1 and 3, agreements in phase 5 (due 4 and 5 Jan 2027), finished.</summary>
    private async Task<string> ConsultationWithAgreementsAsync(string pseudonym, string domain, string light, params string[] agreements)
    {
        var (session, _) = await _kb.StartAsync(Place.Channel, pseudonym);
        await _kb.ActAsync(TeamsUser.Ben, await _kb.ViewAsync(TeamsUser.Ben, session), CardVerbs.ContributionAdd, new JsonObject { ["domain"] = domain, ["light"] = light, ["text"] = "Eintrag zur Lage" });
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        var resource = agreements.Length == 1 ? "Schwester wohnt im selben Haus" : "Spricht drei Sprachen";
        await _kb.ActAsync(TeamsUser.Carla, await _kb.ViewAsync(TeamsUser.Carla, session), CardVerbs.ContributionAdd, new JsonObject { ["area"] = "Sozial", ["text"] = resource });
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        var day = 4;
        foreach (var what in agreements)
        {
            var editor = await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Agreements);
            var added = await _kb.ActAsync(TeamsUser.Ben, editor, CardVerbs.AgreementAdd, new JsonObject { ["what"] = what, ["who"] = "Die Person", ["party"] = "Person", ["due"] = $"2027-01-0{day++}" });
            Assert.Contains(what, CardJson.Text(added), StringComparison.Ordinal);
        }

        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);
        return session;
    }

    private async Task ConfirmAsync(string session)
    {
        var confirmed = await _kb.ActAsync(TeamsUser.Ben, await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Protocol), CardVerbs.ProtocolConfirm);
        Assert.Contains("Bestätigt von Person 2", CardJson.Text(confirmed), StringComparison.Ordinal);
    }

    private async Task<Agreement> AgreementAsync(string pseudonym, string id) =>
        (await _host.Service<TeamQueries>().ListAgreementsForCaseAsync(TeamsHost.Tenant, "team:" + TeamsHost.TeamId, pseudonym)).Single(a => a.Id == id);

    private static string RecordOf(JsonObject card) =>
        CardJson.Descendants(card).First(e => e["id"]?.GetValue<string>() == "recordText")["value"]!.GetValue<string>();
}
