using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>The Helferkonferenz's consent step and agency round, and the Sozialraum-Runde, through the real host.</summary>
public sealed class HelferkonferenzAndRoundTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TeamsHost _host = null!;
    private KbDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _driver = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Helferkonferenz_is_refused_without_consent_and_runs_with_it_through_the_agency_round()
    {
        var (session, consentCard) = await SetUpAsync("helferkonferenz", new JsonObject
        {
            ["method"] = "Helferkonferenz",
            ["casePseudonym"] = "Linde-3",
            ["moderatorId"] = "29:a",
            ["presenterId"] = "29:b",
            ["adviserIds"] = "29:c",
            ["startNow"] = "true",
        });
        Assert.Contains("Einwilligung fehlt noch", CardJson.Text(consentCard), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Prepared, (await _driver.LoadAsync(session, Place.Channel)).Status);

        // Without the consent toggle: refused, nothing stored, not started.
        var refused = await _driver.ActAsync(TeamsUser.Anna, consentCard, CardVerbs.ConsentConfirm, new JsonObject { ["consent"] = "false" });
        Assert.Contains("Einwilligung der Person nötig", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(refused), StringComparison.Ordinal);
        var still = await _driver.LoadAsync(session, Place.Channel);
        Assert.Equal(SessionStatus.Prepared, still.Status);
        Assert.Null(still.State.Consent);

        // The adviser cannot confirm it either.
        var adviser = await _driver.ActAsync(TeamsUser.Carla, consentCard, CardVerbs.ConsentConfirm, new JsonObject { ["consent"] = "true" });
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(adviser), StringComparison.Ordinal);
        Assert.Null((await _driver.LoadAsync(session, Place.Channel)).State.Consent);

        // With consent (and release from confidentiality) the moderator's confirmation starts the conference.
        var started = await _driver.ActAsync(TeamsUser.Anna, consentCard, CardVerbs.ConsentConfirm, new JsonObject { ["consent"] = "true", ["release"] = "true" });
        Assert.Contains("Phase 1 von 6", CardJson.Text(started), StringComparison.Ordinal);
        var running = await _driver.LoadAsync(session, Place.Channel);
        Assert.Equal(SessionStatus.Running, running.Status);
        Assert.True(running.State.Consent!.IncludesReleaseFromConfidentiality);

        // To the round of the helper systems: each agency states its mandate and current work.
        var live = await _driver.ActAsync(TeamsUser.Anna, started, CardVerbs.SessionNext);
        live = await _driver.ActAsync(TeamsUser.Anna, live, CardVerbs.SessionNext);
        Assert.Contains("Phase 3 von 6", CardJson.Text(live), StringComparison.Ordinal);
        var carla = await _driver.ViewAsync(TeamsUser.Carla, session);
        await _driver.ActAsync(TeamsUser.Carla, carla, CardVerbs.ContributionAdd, new JsonObject
        {
            ["agency"] = "Jugendamt Nord",
            ["mandate"] = "Hilfe zur Erziehung",
            ["activities"] = "Sozialpädagogische Familienhilfe zweimal pro Woche",
        });
        var round = await _driver.ViewAsync(TeamsUser.Carla, session, CardViews.HelperRound);
        Assert.Contains("Jugendamt Nord", CardJson.Text(round), StringComparison.Ordinal);
        Assert.Contains("zweimal pro Woche", CardJson.Text(round), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Helferkonferenz_coordinating_contact_is_designated_on_the_agreement_editor_named_in_the_record_and_confirms()
    {
        var (session, consentCard) = await SetUpAsync("helferkonferenz", new JsonObject
        {
            ["method"] = "Helferkonferenz",
            ["casePseudonym"] = "Buche-9",
            ["moderatorId"] = "29:a",
            ["presenterId"] = "29:b",
            ["adviserIds"] = "29:c",
            ["startNow"] = "true",
        });
        var live = await _driver.ActAsync(TeamsUser.Anna, consentCard, CardVerbs.ConsentConfirm, new JsonObject { ["consent"] = "true", ["release"] = "true" });
        for (var i = 0; i < 4; i++)
        {
            live = await _driver.ActAsync(TeamsUser.Anna, live, CardVerbs.SessionNext);
        }

        Assert.Contains("Phase 5 von 6", CardJson.Text(live), StringComparison.Ordinal);
        Task<JsonObject> Editor() => _driver.ViewAsync(TeamsUser.Anna, session, CardViews.Agreements);
        JsonObject Inputs(string what, string? ownerId) => new()
        {
            ["what"] = what,
            ["party"] = "Dritte",
            ["who"] = "Jugendamt Nord",
            ["ownerId"] = ownerId,
            ["coordinator"] = "true",
        };

        // Bad input changes nothing: not the moderator, no colleague chosen, someone who is not taking part.
        var notModerator = await _driver.ActAsync(TeamsUser.Ben, await _driver.ViewAsync(TeamsUser.Ben, session, CardViews.Agreements), CardVerbs.AgreementAdd, Inputs("Hilfeplan abstimmen", "29:c"));
        var noOwner = await _driver.ActAsync(TeamsUser.Anna, await Editor(), CardVerbs.AgreementAdd, Inputs("Hilfeplan abstimmen", null));
        var stranger = await _driver.ActAsync(TeamsUser.Anna, await Editor(), CardVerbs.AgreementAdd, Inputs("Hilfeplan abstimmen", "29:zz"));
        foreach (var refused in new[] { notModerator, noOwner, stranger })
        {
            Assert.Contains("Es wurde nichts geändert.", CardJson.Text(refused), StringComparison.Ordinal);
        }

        var unchanged = await _driver.LoadAsync(session, Place.Channel);
        Assert.Null(unchanged.State.CoordinatingContactId);
        Assert.Empty(unchanged.State.Agreements);

        // The moderator designates Carla, then Ben replaces her: one coordinating contact, marked on his agreement only.
        await _driver.ActAsync(TeamsUser.Anna, await Editor(), CardVerbs.AgreementAdd, Inputs("Hilfeplan abstimmen", "29:c"));
        Assert.Equal("29:c", (await _driver.LoadAsync(session, Place.Channel)).State.CoordinatingContactId);
        var replaced = await _driver.ActAsync(TeamsUser.Anna, await Editor(), CardVerbs.AgreementAdd, Inputs("Termine der Stellen bündeln", "29:b"));
        Assert.Equal("29:b", (await _driver.LoadAsync(session, Place.Channel)).State.CoordinatingContactId);
        var replacedText = CardJson.Text(replaced);
        Assert.Contains("koordinierende Ansprechperson", replacedText, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(replacedText, "koordinierende Ansprechperson"));

        // The record names the coordinating contact; the former one cannot confirm, the coordinating contact can.
        await _driver.ActAsync(TeamsUser.Anna, await _driver.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);
        var protocol = await _driver.ViewAsync(TeamsUser.Ben, session, CardViews.Protocol);
        var recordCard = await _driver.ActAsync(TeamsUser.Ben, protocol, CardVerbs.ProtocolRecordText);
        var record = CardJson.Descendants(recordCard).First(e => e["id"]?.GetValue<string>() == "recordText")["value"]!.GetValue<string>();
        Assert.Contains("Koordinierende Ansprechperson: Person 2", record, StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(await _driver.ViewAsync(TeamsUser.Carla, session, CardViews.Protocol), CardVerbs.ProtocolConfirm));
        Assert.True(CardJson.HasVerb(protocol, CardVerbs.ProtocolConfirm));
        var carlaConfirms = await _driver.ActAsync(TeamsUser.Carla, protocol, CardVerbs.ProtocolConfirm);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(carlaConfirms), StringComparison.Ordinal);
        var confirmed = await _driver.ActAsync(TeamsUser.Ben, await _driver.ViewAsync(TeamsUser.Ben, session, CardViews.Protocol), CardVerbs.ProtocolConfirm);
        Assert.Contains("Bestätigt von Person 2", CardJson.Text(confirmed), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Sozialraum_Runde_collects_categorised_entries_and_ends_with_the_protocol()
    {
        var (session, roundCard) = await SetUpAsync("sozialraum", new JsonObject
        {
            ["method"] = "SozialraumRunde",
            ["casePseudonym"] = "Nordstadt",
            ["moderatorId"] = "29:a",
            ["adviserIds"] = "29:b,29:c",
            ["plannedMinutes"] = "15",
            ["startNow"] = "true",
        });
        Assert.Contains("Leitfragen", CardJson.Text(roundCard), StringComparison.Ordinal);

        var carla = await _driver.ViewAsync(TeamsUser.Carla, session);
        var added = await _driver.ActAsync(TeamsUser.Carla, carla, CardVerbs.ContributionAdd, new JsonObject
        {
            ["category"] = "Schluesselperson",
            ["text"] = "Neue Leitung im Stadtteilzentrum, offen für gemeinsame Sprechstunde",
            ["place"] = "Stadtteilzentrum",
        });
        Assert.Contains("Neue Leitung im Stadtteilzentrum", CardJson.Text(added), StringComparison.Ordinal);
        var ben = await _driver.ViewAsync(TeamsUser.Ben, session);
        await _driver.ActAsync(TeamsUser.Ben, ben, CardVerbs.ContributionAdd, new JsonObject { ["category"] = "Ressource", ["text"] = "Tafel hat jetzt auch samstags geöffnet" });

        // Advisers have no "finish"; the moderator's finish runs to the regular end and shows the protocol.
        Assert.False(CardJson.HasVerb(ben, CardVerbs.SessionNext));
        var anna = await _driver.ViewAsync(TeamsUser.Anna, session);
        var protocol = await _driver.ActAsync(TeamsUser.Anna, anna, CardVerbs.SessionNext);
        Assert.Contains("Tafel hat jetzt auch samstags geöffnet", CardJson.Text(protocol), StringComparison.Ordinal);
        var done = await _driver.LoadAsync(session, Place.Channel);
        Assert.Equal(SessionStatus.Completed, done.Status);
        Assert.False(done.State.EndedEarly);

        var confirmed = await _driver.ActAsync(TeamsUser.Anna, protocol, CardVerbs.ProtocolConfirm);
        Assert.Contains("Bestätigt von", CardJson.Text(confirmed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sozialraumvorhaben_takes_the_project_input_from_the_presenter()
    {
        var (session, live) = await SetUpAsync("vorhaben", new JsonObject
        {
            ["method"] = "Sozialraumvorhaben",
            ["casePseudonym"] = "Vorhaben Quartiersgarten",
            ["moderatorId"] = "29:a",
            ["presenterId"] = "29:b",
            ["adviserIds"] = "29:c",
            ["startNow"] = "true",
        });
        Assert.Contains("Phase 1 von 5", CardJson.Text(live), StringComparison.Ordinal);

        var ben = await _driver.ViewAsync(TeamsUser.Ben, session);
        var added = await _driver.ActAsync(TeamsUser.Ben, ben, CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Gemeinschaftsgarten im Hof der Schule mit Eltern aus dem Quartier" });

        Assert.Contains("Gemeinschaftsgarten im Hof der Schule", CardJson.Text(added), StringComparison.Ordinal);
        Assert.Single((await _driver.LoadAsync(session, Place.Channel)).State.Contributions);
    }

    private async Task<(string SessionId, JsonObject Card)> SetUpAsync(string command, JsonObject inputs)
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, command));
        var setup = await _driver.WaitForCardReplyAsync();
        var start = CardJson.RequireData(setup, CardVerbs.SessionStart);
        var card = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, start, KbDriver.CardId, inputs));
        return (start["sessionId"]!.GetValue<string>(), card);
    }
}
