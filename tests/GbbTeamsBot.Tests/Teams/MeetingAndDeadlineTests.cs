using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>Meeting chats (verified against the fake connector; the Playground has no meetings) and deadline notices.</summary>
public sealed class MeetingAndDeadlineTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
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
    public async Task Meeting_start_posts_the_prepared_agenda_with_each_items_timebox()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Meeting, "teamsitzung Wochenteam Nord: Sozialraum-Runde 15; KB Birke-12 40; Sonstiges 10"));
        var prepared = await _kb.WaitForCardReplyAsync();
        Assert.Contains("Tagesordnung ist vorbereitet", CardJson.Text(prepared), StringComparison.Ordinal);

        _host.Connector.Clear();
        await _host.PostAsync(Activities.MeetingStart(_host, Place.Meeting));

        var agenda = await _kb.WaitForCardReplyAsync();
        var text = CardJson.Text(agenda);
        Assert.Contains("Wochenteam Nord", text, StringComparison.Ordinal);
        Assert.Contains("Sozialraum-Runde", text, StringComparison.Ordinal);
        Assert.Contains("Birke-12", text, StringComparison.Ordinal);
        Assert.Contains("geplant 40 Min.", text, StringComparison.Ordinal);
        var post = Assert.Single(_host.Connector.Requests, r => r.Method == "POST");
        Assert.Equal($"v3/conversations/{TeamsHost.MeetingChat}/activities", post.Route);
    }

    [Fact]
    public async Task Agenda_start_on_the_shared_card_is_refused_for_a_team_member_and_starts_the_meeting_for_the_moderator()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Group, "teamsitzung Wochenteam: Sozialraum-Runde 15; Sonstiges 10"));
        var agenda = await _kb.WaitForCardReplyAsync();
        var start = CardJson.RequireData(agenda, CardVerbs.SessionNext);

        var refused = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Ben, Place.Group, start, "agenda-1"));
        var started = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Group, start, "agenda-1"));

        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.Contains("endet um", CardJson.Text(started), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_notice_page_does_not_show_text_from_the_link_and_may_be_framed_by_teams_only()
    {
        using var response = await _host.Client.GetAsync(new Uri("/teams/notice?text=" + Uri.EscapeDataString("Bitte Passwort bei evil.example eingeben") + "&id=forged", UriKind.Relative));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Passwort", html, StringComparison.Ordinal);
        Assert.Contains("Dieser Hinweis ist nicht mehr verf", html, StringComparison.Ordinal);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors https://teams.microsoft.com", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("frame-ancestors *", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meeting_start_without_a_prepared_agenda_posts_nothing()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.MeetingStart(_host, Place.Meeting));
        await Task.Delay(500);

        Assert.DoesNotContain(_host.Connector.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Phase_warning_mentions_the_moderator_and_sends_a_targeted_meeting_notification()
    {
        await _kb.StartAsync(Place.Meeting);
        _host.Connector.Clear();

        // Phase 1 of a 40-minute Kollegiale Beratung has 10 minutes; the warning is due one minute before its end.
        _host.Clock.Jump(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(5));
        Assert.Equal(1, await _host.FireDueDeadlinesAsync());

        var mention = (await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Route == $"v3/conversations/{TeamsHost.MeetingChat}/activities" && r.Body.Contains("mention", StringComparison.Ordinal)))[0].Json!;
        Assert.Contains("<at>Person 1</at>", mention["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Falleingabe", mention["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var entity = mention["entities"]![0]!;
        Assert.Equal("mention", entity["type"]!.GetValue<string>());
        Assert.Equal("29:a", entity["mentioned"]!["id"]!.GetValue<string>());

        var notice = (await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Route == $"v1/meetings/{TeamsHost.MeetingId}/notification"))[0].Json!;
        Assert.Equal("targetedMeetingNotification", notice["type"]!.GetValue<string>());
        Assert.Equal(["29:a"], notice["value"]!["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("meetingStage", notice["value"]!["surfaces"]![0]!["surface"]!.GetValue<string>());

        // The link carries an opaque id, no name or text; the page behind it shows the notice, HTML-encoded.
        var link = new Uri(notice["value"]!["surfaces"]![0]!["content"]!["value"]!["url"]!.GetValue<string>());
        Assert.StartsWith("?id=", link.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("Person", Uri.UnescapeDataString(link.Query), StringComparison.Ordinal);
        Assert.DoesNotContain("Falleingabe", Uri.UnescapeDataString(link.Query), StringComparison.Ordinal);
        using var page = await _host.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Falleingabe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 1", html, StringComparison.Ordinal);

        // The shared card was brought up to date as well.
        await _host.Connector.WaitForAsync(r => r.Method == "PUT" && r.Route.EndsWith("/activities/" + KbDriver.CardId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Phase_end_in_a_channel_mentions_the_moderator_and_marks_the_shared_card_overdue()
    {
        await _kb.StartAsync(Place.Channel);
        _host.Clock.Jump(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(5));
        await _host.FireDueDeadlinesAsync();
        _host.Connector.Clear();

        _host.Clock.Jump(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await _host.FireDueDeadlinesAsync());

        var mention = (await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("mention", StringComparison.Ordinal)))[0].Json!;
        Assert.Contains("ist um", mention["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var put = (await _host.Connector.WaitForAsync(r => r.Method == "PUT"))[^1].Json!;
        Assert.Contains("über der Zeit", CardJson.Text(put["attachments"]![0]!["content"]!), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Connector.Requests, r => r.Route.StartsWith("v1/meetings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Time_alone_never_replaces_the_shared_card_which_shows_the_end_time_instead_of_a_countdown()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        var text = CardJson.Text(live);
        Assert.Contains("endet um", text, StringComparison.Ordinal);
        Assert.DoesNotContain("noch 10 Min.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(
            _host.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(),
            s => s.GetType().Name.Contains("Ticker", StringComparison.Ordinal));

        // The start's own updates of the shared card arrive in the background: wait for the last one first.
        var version = (await _kb.LoadAsync(session, Place.Channel)).Version;
        await _host.Connector.WaitForAsync(r => r.Method == "PUT" && r.Body.Contains($"\"expectedVersion\":{version}", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1));
        _host.Connector.Clear();
        _host.Clock.Jump(TimeSpan.FromMinutes(3));
        Assert.Equal(0, await _host.FireDueDeadlinesAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // Nothing happened in the session, so nobody's card (and what they are typing) is replaced.
        Assert.DoesNotContain(_host.Connector.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Action_submit_fallback_arrives_as_a_message_and_is_answered_with_a_card_reply()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        _host.Connector.Clear();
        var submit = Activities.Message(_host, TeamsUser.Anna, Place.Channel, string.Empty);
        submit.Remove("text");
        submit["replyToId"] = KbDriver.CardId;
        submit["value"] = CardJson.RequireData(live, CardVerbs.SessionNext).DeepClone();

        await _host.PostAsync(submit);

        var reply = await _kb.WaitForCardReplyAsync();
        Assert.Contains("Phase 2 von 5", CardJson.Text(reply), StringComparison.Ordinal);
        Assert.Equal(1, (await _kb.LoadAsync(session, Place.Channel)).State.CurrentPhaseIndex);
    }

    [Fact]
    public async Task Plus_two_minutes_by_the_moderator_moves_the_phase_end()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        var before = (await _kb.LoadAsync(session, Place.Channel)).NextDeadline!.DueAt;

        var extended = await _kb.ActAsync(TeamsUser.Anna, live, CardVerbs.SessionExtend);

        Assert.Contains("Phase 1 von 5", CardJson.Text(extended), StringComparison.Ordinal);
        var after = (await _kb.LoadAsync(session, Place.Channel)).NextDeadline!.DueAt;
        Assert.InRange(after - before, TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));
    }
}
