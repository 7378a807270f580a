using System.Text.Json.Nodes;
using GbbTeamsBot.Application;
using GbbTeamsBot.Application.DataProtection;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>
/// Retention and deletion through the real host on Azurite: "löschen Fallkürzel" with its confirming card, who may,
/// what goes and what stays, the deletion log, and the retention purge on the host's clock.
/// </summary>
public sealed class CaseDeletionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly TeamScope Team = new(TeamsHost.Tenant, "team:" + Place.Channel.TeamId);

    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _kb = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_moderator_deletes_a_finished_case_after_one_confirmation_and_only_that_case_goes()
    {
        var deleted = await FinishedSessionAsync("Ahorn-07");
        var kept = await FinishedSessionAsync("Birke-12");

        var preview = await CommandAsync(TeamsUser.Anna, "löschen Ahorn-07");
        Assert.Contains("1 Sitzung(en)", CardJson.Text(preview), StringComparison.Ordinal);
        Assert.True(CardJson.HasVerb(preview, CardVerbs.CaseDelete));

        var done = await _kb.ActAsync(TeamsUser.Anna, preview, CardVerbs.CaseDelete);

        Assert.Contains("Gelöscht: 1 Sitzung(en)", CardJson.Text(done), StringComparison.Ordinal);
        Assert.Null(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, deleted)));
        Assert.Empty(await _host.Service<SessionRepository>().ListByCaseReferenceAsync(Team, "Ahorn-07"));
        Assert.NotNull(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, kept)));
        var entry = Assert.Single(await _host.Service<DeletionLogRepository>().ListAsync(Team));
        Assert.Equal(DeletionReason.CaseRequest, entry.Reason);
        Assert.Equal("29:a", entry.RequestedBy);
        Assert.Equal(DeletionLogRepository.Fingerprint(Team, "Ahorn-07"), entry.CaseFingerprint);
        Assert.True(entry.Counts.SessionRows >= 2, "the session row and its contributions");
        Assert.DoesNotContain(_host.Logs, line => line.Contains("Ahorn-07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_colleague_who_did_not_moderate_sees_the_counts_but_no_button_and_a_forged_confirmation_changes_nothing()
    {
        var session = await FinishedSessionAsync("Ahorn-07");

        var preview = await CommandAsync(TeamsUser.Carla, "löschen Ahorn-07");
        Assert.False(CardJson.HasVerb(preview, CardVerbs.CaseDelete));
        Assert.Contains("moderiert hat", CardJson.Text(preview), StringComparison.Ordinal);

        // The moderator's card data, clicked by the colleague.
        var annaPreview = await CommandAsync(TeamsUser.Anna, "löschen Ahorn-07");
        var refused = await _kb.ActAsync(TeamsUser.Carla, annaPreview, CardVerbs.CaseDelete);

        Assert.DoesNotContain("Gelöscht", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.NotNull(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, session)));
        Assert.Empty(await _host.Service<DeletionLogRepository>().ListAsync(Team));
    }

    [Fact]
    public async Task An_open_session_blocks_the_deletion_and_a_stale_preview_shows_the_new_counts_instead_of_deleting()
    {
        await FinishedSessionAsync("Ahorn-07");
        var preview = await CommandAsync(TeamsUser.Anna, "löschen Ahorn-07");

        var (running, _) = await _kb.StartAsync(Place.Channel, "Ahorn-07");
        var blocked = await _kb.ActAsync(TeamsUser.Anna, preview, CardVerbs.CaseDelete);
        Assert.Contains("noch eine Sitzung offen", CardJson.Text(blocked), StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(blocked, CardVerbs.CaseDelete));

        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, running), CardVerbs.SessionFinish);
        var changed = await _kb.ActAsync(TeamsUser.Anna, preview, CardVerbs.CaseDelete);

        Assert.Contains("Seit der Vorschau hat sich etwas geändert", CardJson.Text(changed), StringComparison.Ordinal);
        Assert.Contains("2 Sitzung(en)", CardJson.Text(changed), StringComparison.Ordinal);
        Assert.Equal(2, (await _host.Service<SessionRepository>().ListByCaseReferenceAsync(Team, "Ahorn-07")).Count);
        Assert.Contains("Gelöscht: 2 Sitzung(en)", CardJson.Text(await _kb.ActAsync(TeamsUser.Anna, changed, CardVerbs.CaseDelete)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_and_bad_input_delete_nothing()
    {
        var session = await FinishedSessionAsync("Ahorn-07");
        var preview = await CommandAsync(TeamsUser.Anna, "löschen Ahorn-07");

        var cancelled = await _kb.ActAsync(TeamsUser.Anna, preview, CardVerbs.CaseDeleteCancel);
        var forged = CardJson.RequireData(preview, CardVerbs.CaseDelete);
        forged["sessionCount"] = "viele";
        var malformed = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, forged, KbDriver.CardId));
        var usage = await CommandAsync(TeamsUser.Anna, "löschen");

        Assert.Contains("Nichts gelöscht", CardJson.Text(cancelled), StringComparison.Ordinal);
        Assert.DoesNotContain("Gelöscht", CardJson.Text(malformed), StringComparison.Ordinal);
        Assert.Contains("löschen Ahorn-07", CardJson.Text(usage), StringComparison.Ordinal);
        Assert.NotNull(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, session)));
    }

    [Fact]
    public async Task The_retention_purge_deletes_sessions_ended_longer_ago_than_24_months_and_logs_counts_only()
    {
        var old = await FinishedSessionAsync("Ahorn-07");
        var purge = _host.Service<RetentionPurgeService>();

        var tooEarly = await purge.RunOnceAsync(CancellationToken.None);
        _host.Clock.Jump(TimeSpan.FromDays(25 * 31));
        var recent = await FinishedSessionAsync("Birke-12");
        var (running, _) = await _kb.StartAsync(Place.Channel, "Linde-03");
        var due = await purge.RunOnceAsync(CancellationToken.None);
        var again = await purge.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, tooEarly.SessionsDeleted);
        Assert.Equal(1, due.SessionsDeleted);
        Assert.Equal(0, again.SessionsDeleted);
        Assert.Null(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, old)));
        Assert.NotNull(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, recent)));
        Assert.NotNull(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, running)));
        var entry = Assert.Single(await _host.Service<DeletionLogRepository>().ListAsync(Team));
        Assert.Equal(DeletionReason.Retention, entry.Reason);
        Assert.Null(entry.RequestedBy);
        Assert.Contains(_host.Logs, line => line.Contains("Retention purge deleted 1 ended sessions", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Logs, line => line.Contains("Ahorn-07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_that_keeps_sessions_six_months_loses_them_after_seven_while_a_team_on_the_default_keeps_them()
    {
        var settings = await CommandAsync(TeamsUser.Anna, "einstellungen");
        Assert.Contains("Standard (24 Monate)", settings.ToJsonString(), StringComparison.Ordinal);
        var saved = await _kb.ActAsync(TeamsUser.Anna, settings, CardVerbs.SettingsSave, new JsonObject { ["retentionMonths"] = "6" });
        Assert.DoesNotContain("⚠", CardJson.Text(saved), StringComparison.Ordinal);
        var shortTeam = await FinishedSessionAsync("Ahorn-07");
        var (otherSession, _) = await _kb.StartAsync(Place.Group, "Birke-12");
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, otherSession, place: Place.Group), CardVerbs.SessionFinish, place: Place.Group);

        _host.Clock.Jump(TimeSpan.FromDays(7 * 31));
        var result = await _host.Service<RetentionPurgeService>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, result.SessionsDeleted);
        Assert.Null(await _host.Service<SessionService>().GetAsync(new SessionAddress(TeamsHost.Tenant, Team.TeamId, shortTeam)));
        Assert.NotNull(await _kb.LoadAsync(otherSession, Place.Group));
        var refused = await _kb.ActAsync(TeamsUser.Anna, settings, CardVerbs.SettingsSave, new JsonObject { ["retentionMonths"] = "500" });
        Assert.Contains("zwischen 1 und 120 Monaten", CardJson.Text(refused), StringComparison.Ordinal);
    }

    private async Task<string> FinishedSessionAsync(string pseudonym)
    {
        var (session, _) = await _kb.StartAsync(Place.Channel, pseudonym);
        await _kb.ActAsync(TeamsUser.Carla, await _kb.ViewAsync(TeamsUser.Carla, session), CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Seit wann besteht der Kontakt zum Familienzentrum?" });
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);
        Assert.Equal(SessionStatus.Completed, (await _kb.LoadAsync(session, Place.Channel)).Status);
        return session;
    }

    private async Task<JsonObject> CommandAsync(TeamsUser user, string text)
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, user, Place.Channel, text));
        return await _kb.WaitForCardReplyAsync();
    }
}
