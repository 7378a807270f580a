using System.Text.Json.Nodes;
using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>Stale cards, double clicks, wrong roles, privacy warnings and foreign scopes: a clear answer, nothing changed.</summary>
public sealed class CardActionGuardTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
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
    public async Task Double_click_on_next_phase_advances_once_and_the_repeat_is_answered_as_already_done()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        var next = CardJson.RequireData(live, CardVerbs.SessionNext);

        var first = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, next, KbDriver.CardId));
        var second = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, next, KbDriver.CardId));

        Assert.Contains("Phase 2 von 5", CardJson.Text(first), StringComparison.Ordinal);
        Assert.Contains("Das wurde bereits ausgeführt.", CardJson.Text(second), StringComparison.Ordinal);
        Assert.Contains("Phase 2 von 5", CardJson.Text(second), StringComparison.Ordinal);
        Assert.Equal(1, (await _kb.LoadAsync(session, Place.Channel)).State.CurrentPhaseIndex);
    }

    [Fact]
    public async Task Stale_card_is_answered_with_the_current_view_and_changes_nothing()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        await _kb.ActAsync(TeamsUser.Anna, live, CardVerbs.SessionNext);
        var before = await _kb.LoadAsync(session, Place.Channel);

        // The old card (before "next") still offers "pause"; its version is out of date.
        var answer = await _kb.ActAsync(TeamsUser.Anna, live, CardVerbs.SessionPause);

        Assert.Contains("Die Karte war nicht mehr aktuell", CardJson.Text(answer), StringComparison.Ordinal);
        Assert.Contains("Phase 2 von 5", CardJson.Text(answer), StringComparison.Ordinal);
        var after = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(Domain.Sessions.SessionStatus.Running, after.Status);
    }

    [Fact]
    public async Task Adviser_pressing_the_moderators_next_is_refused_with_the_reason_and_nothing_changes()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        var before = await _kb.LoadAsync(session, Place.Channel);

        var answer = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Carla, Place.Channel, CardJson.RequireData(live, CardVerbs.SessionNext), KbDriver.CardId));

        var text = CardJson.Text(answer);
        Assert.Contains("In der Rolle „Beratende", text, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", text, StringComparison.Ordinal);
        var after = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(0, after.State.CurrentPhaseIndex);
    }

    [Fact]
    public async Task Adviser_sees_the_question_input_but_no_moderator_controls()
    {
        var (session, _) = await _kb.StartAsync(Place.Channel);

        var carla = await _kb.ViewAsync(TeamsUser.Carla, session);
        var anna = await _kb.ViewAsync(TeamsUser.Anna, session);

        Assert.True(CardJson.HasVerb(carla, CardVerbs.ContributionAdd));
        Assert.False(CardJson.HasVerb(carla, CardVerbs.SessionNext));
        Assert.True(CardJson.HasVerb(anna, CardVerbs.SessionNext));
        Assert.True(CardJson.HasVerb(anna, CardVerbs.SessionExtend));
    }

    [Fact]
    public async Task Entry_with_personal_data_shows_the_hint_and_is_kept_only_after_trotzdem_speichern()
    {
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var carla = await _kb.ViewAsync(TeamsUser.Carla, session);
        const string Text = "Ist sie unter 0170 1234567 erreichbar?";

        var warning = await _kb.ActAsync(TeamsUser.Carla, carla, CardVerbs.ContributionAdd, new JsonObject { ["text"] = Text });

        Assert.Contains("Bitte prüfen", CardJson.Text(warning), StringComparison.Ordinal);
        Assert.Contains("Trotzdem speichern", CardJson.Text(warning), StringComparison.Ordinal);
        Assert.Empty((await _kb.LoadAsync(session, Place.Channel)).State.Contributions);

        var kept = await _kb.ActAsync(TeamsUser.Carla, warning, CardVerbs.ContributionAdd);

        Assert.Contains(Text, CardJson.Text(kept), StringComparison.Ordinal);
        var stored = Assert.Single((await _kb.LoadAsync(session, Place.Channel)).State.Contributions);
        Assert.True(stored.KeptDespiteWarnings);
    }

    [Fact]
    public async Task Entries_sent_at_the_same_time_are_all_kept_and_the_shared_card_ends_with_all_of_them()
    {
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var carla = await _kb.ViewAsync(TeamsUser.Carla, session);
        var ben = await _kb.ViewAsync(TeamsUser.Ben, session);
        _host.Connector.Clear();

        await Task.WhenAll(
            _kb.ActAsync(TeamsUser.Carla, carla, CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Gibt es eine feste Ansprechperson im Familienzentrum?" }),
            _kb.ActAsync(TeamsUser.Ben, ben, CardVerbs.ContributionAdd, new JsonObject { ["domain"] = "Motivation", ["light"] = "Green", ["text"] = "Möchte wieder arbeiten" }));

        Assert.Equal(2, (await _kb.LoadAsync(session, Place.Channel)).State.Contributions.Count);
        // Card updates are coalesced and sent after the saves; give a busy machine time for the newest one.
        var text = "";
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(200))
        {
            var card = _host.Connector.Requests.LastOrDefault(r => r.Method == "PUT")?.Json?["attachments"]?[0]?["content"];
            text = card is null ? "" : CardJson.Text(card);
            if (text.Contains("feste Ansprechperson", StringComparison.Ordinal) && text.Contains("Möchte wieder arbeiten", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Contains("feste Ansprechperson", text, StringComparison.Ordinal);
        Assert.Contains("Möchte wieder arbeiten", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_action_for_a_session_of_another_team_is_refused_and_changes_nothing()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        var before = await _kb.LoadAsync(session, Place.Channel);

        var answer = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Group, CardJson.RequireData(live, CardVerbs.SessionNext), KbDriver.CardId));

        Assert.Contains("gibt es nicht (mehr) in diesem Team oder Chat", CardJson.Text(answer), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await _kb.LoadAsync(session, Place.Channel)).Version);
    }

    [Fact]
    public async Task Setup_with_a_real_name_as_case_reference_is_shown_again_with_the_hint_and_nothing_is_stored()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "kollegiale beratung"));
        var setup = await _kb.WaitForCardReplyAsync();
        var start = CardJson.RequireData(setup, CardVerbs.SessionStart);

        var answer = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, start, KbDriver.CardId, new JsonObject
        {
            ["method"] = "KollegialeBeratung",
            ["casePseudonym"] = "Sabine Müller",
            ["moderatorId"] = "29:a",
            ["presenterId"] = "29:b",
            ["adviserIds"] = "29:c",
        }));

        Assert.Contains("sieht nach persönlichen Daten aus", CardJson.Text(answer), StringComparison.Ordinal);
        Assert.True(CardJson.HasVerb(answer, CardVerbs.SessionStart));
        var sessions = await _host.Service<TeamQueries>().ListSessionsAsync(TeamsHost.Tenant, "team:" + TeamsHost.TeamId);
        Assert.Empty(sessions);
    }

    [Fact]
    public async Task A_team_that_chose_English_gets_English_cards_whatever_the_client_locale()
    {
        var settings = _host.Service<GbbTeamsBot.Application.TeamSettingsService>();
        var actor = new GbbTeamsBot.Domain.Teams.TeamSettingsActor("29:a") { TeamHasNoSessions = true };
        var changed = await settings.ChangeAsync(TeamsHost.Tenant, "team:" + TeamsHost.TeamId, actor, new() { Language = GbbTeamsBot.Domain.Common.Language.English });
        Assert.True(changed.IsAccepted);

        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "kb", locale: "de-DE"));
        var setup = await _kb.WaitForCardReplyAsync();

        Assert.Contains("Prepare a new consultation", CardJson.Text(setup), StringComparison.Ordinal);
        Assert.DoesNotContain("Neue Beratung", CardJson.Text(setup), StringComparison.Ordinal);
    }
}

/// <summary>Drives a Kollegiale Beratung: Anna moderates, Ben presents, Carla advises.</summary>
public sealed class KbDriver(TeamsHost host)
{
    public const string CardId = "1712345670001";

    public async Task<(string SessionId, JsonObject Live)> StartAsync(Place place, string pseudonym = "Ahorn-07")
    {
        host.Connector.Clear();
        await host.PostAsync(Activities.Message(host, TeamsUser.Anna, place, "kb"));
        var setup = await WaitForCardReplyAsync();
        var start = CardJson.RequireData(setup, CardVerbs.SessionStart);
        var live = await host.InvokeAsync(Activities.Invoke(host, TeamsUser.Anna, place, start, CardId, new JsonObject
        {
            ["method"] = "KollegialeBeratung",
            ["casePseudonym"] = pseudonym,
            ["moderatorId"] = "29:a",
            ["presenterId"] = "29:b",
            ["adviserIds"] = "29:c",
            ["plannedMinutes"] = "40",
            ["startNow"] = "true",
        }));
        return (start["sessionId"]!.GetValue<string>(), live);
    }

    public Task<JsonObject> ViewAsync(TeamsUser user, string sessionId, string view = CardViews.Live, Place? place = null) =>
        host.InvokeAsync(Activities.Invoke(host, user, place ?? Place.Channel, new JsonObject
        {
            ["verb"] = CardVerbs.ViewShow,
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["sessionId"] = sessionId,
            ["expectedVersion"] = 0,
            ["view"] = view,
        }, CardId));

    public Task<JsonObject> ActAsync(TeamsUser user, JsonObject card, string verb, JsonObject? inputs = null, Place? place = null) =>
        host.InvokeAsync(Activities.Invoke(host, user, place ?? Place.Channel, CardJson.RequireData(card, verb), CardId, inputs));

    public async Task<SessionView> LoadAsync(string sessionId, Place place)
    {
        var team = place.TeamId is { } teamId ? "team:" + teamId : "chat:" + place.ConversationId;
        return await host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, team, sessionId))
            ?? throw new Xunit.Sdk.XunitException("Session not stored.");
    }

    public async Task<JsonObject> WaitForCardReplyAsync()
    {
        var posts = await host.Connector.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal));
        return posts[^1].Json!["attachments"]![0]!["content"]!.AsObject();
    }
}
