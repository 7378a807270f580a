using System.Globalization;
using System.Text.Json.Nodes;
using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>Issue 19, "a meeting that flows": language, time zone, team settings, one session per case, notices.</summary>
public sealed class MeetingFlowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly CardTexts De = CardTexts.German;
    private static readonly string Team = "team:" + TeamsHost.TeamId;
    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _kb = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_en_US_client_in_a_German_team_gets_German_cards_from_the_setup_card_to_everyones_live_card()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "kb", locale: "en-US"));
        var setup = await _kb.WaitForCardReplyAsync();
        Assert.Contains(De["Setup_Title"], CardJson.Text(setup), StringComparison.Ordinal);

        var live = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, CardJson.RequireData(setup, CardVerbs.SessionStart), KbDriver.CardId, new JsonObject
        {
            ["method"] = "KollegialeBeratung",
            ["casePseudonym"] = "Ahorn-07",
            ["moderatorId"] = "29:a",
            ["presenterId"] = "29:b",
            ["adviserIds"] = "29:c",
            ["plannedMinutes"] = "40",
            ["startNow"] = "true",
        }, locale: "en-US"));
        Assert.Contains("Phase 1 von 5", CardJson.Text(live), StringComparison.Ordinal);

        var sessionId = CardJson.RequireData(live, CardVerbs.SessionNext)["sessionId"]!.GetValue<string>();
        var benInEnglish = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Ben, Place.Channel, new JsonObject
        {
            ["verb"] = CardVerbs.ViewShow,
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["sessionId"] = sessionId,
            ["expectedVersion"] = 0,
            ["view"] = CardViews.Live,
        }, KbDriver.CardId, locale: "en-US"));
        Assert.Contains("Phase 1 von 5", CardJson.Text(benInEnglish), StringComparison.Ordinal);
        Assert.DoesNotContain("Phase 1 of 5", CardJson.Text(benInEnglish), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_times_are_in_the_sessions_time_zone_whatever_time_zone_the_acting_client_sends()
    {
        var (sessionId, _) = await _kb.StartAsync(Place.Channel);
        var view = Activities.Invoke(_host, TeamsUser.Carla, Place.Channel, new JsonObject
        {
            ["verb"] = CardVerbs.ViewShow,
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["sessionId"] = sessionId,
            ["expectedVersion"] = 0,
            ["view"] = CardViews.Live,
        }, KbDriver.CardId);
        view["entities"]![0]!["timezone"] = "America/New_York";

        var card = await _host.InvokeAsync(view);

        var state = (await _kb.LoadAsync(sessionId, Place.Channel)).State;
        Assert.Equal("Europe/Berlin", state.TimeZoneId);
        var end = TimeZoneInfo.ConvertTime(state.StartedAt!.Value + state.Phases[0].Planned, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Contains("endet um " + end.ToString("HH:mm", CultureInfo.InvariantCulture), CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_moderator_sets_English_and_London_time_for_new_sessions_others_are_refused_and_a_running_session_keeps_its_own()
    {
        var (running, _) = await _kb.StartAsync(Place.Channel, "Ahorn-07");

        // A colleague without a moderator role sees the settings, read-only.
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "einstellungen"));
        var readOnly = await _kb.WaitForCardReplyAsync();
        Assert.Contains(De["Settings_Title"], CardJson.Text(readOnly), StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(readOnly, CardVerbs.SettingsSave));

        // The moderator changes them; the change is stored before the card says so.
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "einstellungen"));
        var editable = await _kb.WaitForCardReplyAsync();
        var save = CardJson.RequireData(editable, CardVerbs.SettingsSave);
        var refused = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Carla, Place.Channel, save, "settings-1", new JsonObject { ["language"] = "en", ["timeZone"] = "Europe/London" }));
        Assert.Contains("Moderierende", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.Equal(Language.German, (await _host.Service<TeamSettingsService>().GetAsync(TeamsHost.Tenant, Team)).Language);

        var saved = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, CardJson.RequireData(editable, CardVerbs.SettingsSave), "settings-1", new JsonObject { ["language"] = "en", ["timeZone"] = "Europe/London" }));
        Assert.Contains("Saved", CardJson.Text(saved), StringComparison.Ordinal);
        var stored = await _host.Service<TeamSettingsService>().GetAsync(TeamsHost.Tenant, Team);
        Assert.Equal((Language.English, "Europe/London"), (stored.Language, stored.TimeZoneId));

        // The running session stays German for everyone; a new one is English, with London times.
        Assert.Contains("Phase 1 von 5", CardJson.Text(await _kb.ViewAsync(TeamsUser.Carla, running)), StringComparison.Ordinal);
        var (second, live) = await _kb.StartAsync(Place.Channel, "Birke-12");
        Assert.Contains("Phase 1 of 5", CardJson.Text(live), StringComparison.Ordinal);
        var state = (await _kb.LoadAsync(second, Place.Channel)).State;
        var end = TimeZoneInfo.ConvertTime(state.StartedAt!.Value + state.Phases[0].Planned, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Contains("ends at " + end.ToString("HH:mm", CultureInfo.InvariantCulture), CardJson.Text(live), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_session_for_a_running_case_is_refused_with_the_running_one_and_the_setup_card_points_to_it()
    {
        var (first, _) = await _kb.StartAsync(Place.Channel, "Ahorn-07");

        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "kb"));
        var setup = await _kb.WaitForCardReplyAsync();
        Assert.Contains("Hier läuft schon eine Sitzung: Fall Ahorn-07", CardJson.Text(setup), StringComparison.Ordinal);
        Assert.Equal(first, CardJson.RequireData(setup, CardVerbs.ViewShow)["sessionId"]!.GetValue<string>());

        var (second, answer) = await _kb.StartAsync(Place.Channel, "Ahorn-07");

        Assert.Contains("läuft in diesem Team schon eine Sitzung", CardJson.Text(answer), StringComparison.Ordinal);
        Assert.Equal(first, CardJson.RequireData(answer, CardVerbs.SessionNext)["sessionId"]!.GetValue<string>());
        Assert.Null(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team, second)));
    }

    [Fact]
    public async Task Finishing_asks_once_and_then_mentions_the_case_presenter_to_confirm_the_protocol()
    {
        var (sessionId, live) = await _kb.StartAsync(Place.Channel);
        Assert.Contains("Bestätigt das Protokoll: Person 2", CardJson.Text(live), StringComparison.Ordinal);
        _host.Connector.Clear();

        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, sessionId), CardVerbs.SessionFinish);

        var post = (await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("Die Sitzung ist beendet", StringComparison.Ordinal)))[^1].Json!;
        Assert.Contains("<at>Person 2</at>", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("29:b", post["entities"]![0]!["mentioned"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Time_up_in_the_last_phase_asks_to_close_or_extend_and_names_the_phase_as_the_card_does()
    {
        var (sessionId, _) = await _kb.StartAsync(Place.Channel);
        for (var i = 0; i < 4; i++)
        {
            await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, sessionId), CardVerbs.SessionNext);
        }

        _host.Connector.Clear();
        // Phase by phase the plan moved on; jump past the last phase's end and fire what is due (warning, then end).
        for (var i = 0; i < 6; i++)
        {
            _host.Clock.Jump(TimeSpan.FromMinutes(10));
            await _host.FireDueDeadlinesAsync();
        }

        var notice = (await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("ist um", StringComparison.Ordinal)))[^1].Json!["text"]!.GetValue<string>();
        Assert.Contains("„" + De["Phase_Vereinbarung"] + "“", notice, StringComparison.Ordinal);
        Assert.Contains("abschließen", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("nächsten Phase", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_privacy_warning_keeps_the_typed_text_on_the_card_to_rephrase_or_save_with_one_click()
    {
        var (sessionId, _) = await _kb.StartAsync(Place.Channel);
        var typed = "Frau Schmidt ist faul und unzuverlässig";

        var warning = await _kb.ActAsync(TeamsUser.Carla, await _kb.ViewAsync(TeamsUser.Carla, sessionId), CardVerbs.ContributionAdd, new JsonObject { ["text"] = typed });

        var input = CardJson.Inputs(warning).Single(i => i["id"]!.GetValue<string>() == "text");
        Assert.Equal(typed, input["value"]!.GetValue<string>());
        Assert.DoesNotContain("neu eingeben", CardJson.Text(warning), StringComparison.Ordinal);
        var edited = await _kb.ActAsync(TeamsUser.Carla, warning, CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Wie ist der Kontakt zum Familienzentrum?" });
        Assert.Contains("Wie ist der Kontakt zum Familienzentrum?", CardJson.Text(edited), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_in_a_team_channel_name_the_team_and_the_help_card_commands_are_buttons()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Carla, Place.Channel, "hilfe"));
        var help = await _kb.WaitForCardReplyAsync();
        Assert.Contains(CardJson.Descendants(help), a => a["type"]?.GetValue<string>() == "Action.Submit"
            && a["data"]?["msteams"]?["type"]?.GetValue<string>() == "imBack"
            && a["data"]!["msteams"]!["value"]!.GetValue<string>() == "kb");

        var channel = Activities.Message(_host, TeamsUser.Carla, Place.Channel, "vereinbarungen");
        channel["channelData"]!["team"]!.AsObject().Remove("name");
        _host.Connector.Clear();
        await _host.PostAsync(channel);
        var list = CardJson.Text(await _kb.WaitForCardReplyAsync());
        Assert.Contains("Dieses Team", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Dieser Chat", list, StringComparison.Ordinal);
    }
}
