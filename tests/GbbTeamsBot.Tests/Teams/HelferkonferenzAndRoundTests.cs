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
