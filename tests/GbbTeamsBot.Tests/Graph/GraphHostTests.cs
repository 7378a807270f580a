using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Graph;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Teams;
using GbbTeamsBot.TestServers;

namespace GbbTeamsBot.Tests.Graph;

/// <summary>
/// Issue 17 over a real Microsoft Graph wire format on loopback (<see cref="FakeGraph"/>): the host's Graph client is
/// pointed at it by Graph:BaseUrl and gets the test credential's tokens. The background sync is off; tests run it once.
/// </summary>
public sealed class GraphHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string GroupId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const string PlanId = "xqQg5FS2LkCp935s-FIFm2QAFkHM";
    private const string AnnaObjectId = "6e7b768e-07e2-4810-8459-485f84f8f204";
    private static readonly string Team = "team:" + TeamsHost.TeamId;

    private FakeGraph _graph = null!;
    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.Plans[PlanId] = true;
        _graph.Teams[GroupId] = true;
        await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private async Task StartHostAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:Enabled"] = "true",
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["Graph:SyncEnabled"] = "false",
            ["Graph:MaxInlineRetryAfter"] = "00:00:02",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        _host = await TeamsHost.StartAsync(azurite.ConnectionString, extraSettings: settings);
        _kb = new KbDriver(_host);
    }

    private async Task RestartHostAsync(Dictionary<string, string?> extra)
    {
        await _host.DisposeAsync();
        await StartHostAsync(extra);
    }

    // ---- Done when 1: the next meeting ------------------------------------------------------------------------

    [Fact]
    public async Task A_scheduled_meeting_creates_exactly_one_event_with_a_Teams_meeting_and_the_card_shows_its_link()
    {
        await EnableAsync(calendar: true);
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var form = await PlanAsync(session);
        Assert.Contains("Nächster Termin", CardJson.Text(form), StringComparison.Ordinal);
        // The session's internal participants are preselected (their addresses from the Teams roster), not the organiser.
        var preselected = CardJson.Inputs(form).Single(i => i["id"]!.GetValue<string>() == "meetingInvitees")["value"]!.GetValue<string>();
        Assert.Equal(["b@jobcenter.example", "c@jobcenter.example"], preselected.Split(", ").Order());

        var schedule = ScheduleInvoke(form, "2031-03-04", "10:30", "60", "kollegin@jobcenter.example, kollege@JOBCENTER.example");
        var result = await _host.InvokeAsync(schedule);

        var ev = Assert.Single(_graph.Events);
        var joinUrl = ev["onlineMeeting"]!["joinUrl"]!.GetValue<string>();
        Assert.Contains("Termin angelegt: 04.03.2031, 10:30", CardJson.Text(result), StringComparison.Ordinal);
        Assert.Equal(joinUrl, OpenUrl(result));
        var post = Assert.Single(_graph.Requests, r => r.Method == "POST");
        Assert.Equal("/users/" + AnnaObjectId + "/events", post.Path);
        Assert.StartsWith("Bearer test-token-", post.Authorization, StringComparison.Ordinal);
        var body = post.Json!;
        Assert.True(body["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", body["onlineMeetingProvider"]!.GetValue<string>());
        Assert.Equal("2031-03-04T09:30:00", body["start"]!["dateTime"]!.GetValue<string>()[..19]);
        Assert.Equal("UTC", body["start"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("2031-03-04T10:30:00", body["end"]!["dateTime"]!.GetValue<string>()[..19]);
        Assert.Equal(2, body["attendees"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty(body["transactionId"]!.GetValue<string>()));
        // Method and pseudonym only: no case content in subject or text.
        Assert.Equal("Nächster Termin: Kollegiale Beratung – Ahorn-07", body["subject"]!.GetValue<string>());

        // The conversation gets the date and the link too.
        var posted = await _host.Connector.WaitForAsync(r => r.Method == "POST" && r.Body.Contains("meetup-join", StringComparison.Ordinal));
        Assert.Contains(joinUrl, posted[^1].Body, StringComparison.Ordinal);

        // A finished session's card offers the next meeting while the calendar is on.
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);
        Assert.True(CardJson.HasVerb(await _kb.ViewAsync(TeamsUser.Anna, session, CardViews.Protocol), CardVerbs.MeetingPlan));

        // The same card pressed again (a double click, a redelivery): no second event, Graph is not asked again.
        schedule["id"] = Guid.NewGuid().ToString("N");
        using var again = await _host.PostAsync(schedule);
        Assert.True(again.IsSuccessStatusCode);
        Assert.Single(_graph.Events);
        Assert.Single(_graph.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task An_external_invitee_to_a_Kollegiale_Beratung_is_refused_with_the_reason_and_nothing_is_sent()
    {
        await EnableAsync(calendar: true);
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var form = await PlanAsync(session);

        var refused = await _host.InvokeAsync(ScheduleInvoke(form, "2031-03-04", "10:00", "60", "kollegin@jobcenter.example, helfer@jugendamt.example"));
        Assert.Contains("Außerhalb des Jobcenters (helfer@jugendamt.example) kann nur zu einer Helferkonferenz eingeladen werden", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.True(CardJson.HasVerb(refused, CardVerbs.MeetingSchedule));
        var badAddress = await _host.InvokeAsync(ScheduleInvoke(refused, "2031-03-04", "10:00", "60", "kein-mail"));
        Assert.Contains("„kein-mail“ ist keine gültige E-Mail-Adresse", CardJson.Text(badAddress), StringComparison.Ordinal);
        var past = await _host.InvokeAsync(ScheduleInvoke(badAddress, "2020-03-04", "10:00", "60", string.Empty));
        Assert.Contains("in der Zukunft", CardJson.Text(past), StringComparison.Ordinal);

        Assert.Empty(_graph.Requests);
        Assert.Empty(await _host.Service<GraphWorkRepository>().ListForTeamAsync(new TeamScope(TeamsHost.Tenant, Team), GraphWorkKinds.Event));
    }

    [Fact]
    public async Task A_meeting_whose_answer_timed_out_is_retried_durably_and_still_makes_one_event()
    {
        await RestartHostAsync(new() { ["Graph:RequestTimeout"] = "00:00:02" });
        await EnableAsync(calendar: true);
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var form = await PlanAsync(session);

        _graph.EventDelay = TimeSpan.FromSeconds(4);
        var result = await _host.InvokeAsync(ScheduleInvoke(form, "2031-03-04", "10:00", "45", string.Empty));
        Assert.Contains("wird nachgeholt", CardJson.Text(result), StringComparison.Ordinal);
        Assert.Single(_graph.Events);

        _graph.EventDelay = TimeSpan.Zero;
        var row = Assert.Single(await _host.Service<GraphWorkRepository>().ListForTeamAsync(new TeamScope(TeamsHost.Tenant, Team), GraphWorkKinds.Event));
        Assert.Equal(GraphWorkRepository.Pending, row.Work.State);
        _host.Clock.Jump(TimeSpan.FromMinutes(5));
        await _host.Service<GraphSync>().SyncOnceAsync();

        Assert.Single(_graph.Events);
        Assert.Equal(2, _graph.Requests.Count(r => r.Method == "POST"));
        row = Assert.Single(await _host.Service<GraphWorkRepository>().ListForTeamAsync(new TeamScope(TeamsHost.Tenant, Team), GraphWorkKinds.Event));
        Assert.Equal(GraphWorkRepository.Done, row.Work.State);
        Assert.Equal(_graph.Events[0]["onlineMeeting"]!["joinUrl"]!.GetValue<string>(), row.Work.RemoteUrl);
    }

    // ---- Done when 1: agreements as Planner tasks -------------------------------------------------------------

    [Fact]
    public async Task Five_agreements_make_five_tasks_a_task_completed_in_Planner_marks_its_agreement_done_and_a_repeated_sync_creates_nothing()
    {
        await EnableAsync(planner: true);
        await SessionWithAgreementsAsync(5, withPersonAgreement: true);

        var first = await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Equal(5, first.TasksCreated);
        Assert.Equal(5, _graph.Tasks.Count);
        Assert.Equal(5, _graph.Requests.Count(r => r.Method == "POST" && r.Path == "/planner/tasks"));
        Assert.All(_graph.Tasks, t => Assert.Equal(PlanId, t.PlanId));
        Assert.All(_graph.Tasks, t => Assert.Contains("(Ahorn-07) #gbb-", t.Title, StringComparison.Ordinal));
        Assert.DoesNotContain(_graph.Tasks, t => t.Title.Contains("Die Person meldet sich", StringComparison.Ordinal));
        var withDue = Assert.Single(_graph.Tasks, t => t.Title.StartsWith("Schritt 1 ", StringComparison.Ordinal));
        Assert.StartsWith("2031-05-01", withDue.Body["dueDateTime"]!.GetValue<string>(), StringComparison.Ordinal);

        _graph.CompleteTask(withDue.Id);
        var second = await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Equal(1, second.AgreementsCompleted);
        var agreements = await _host.Service<TeamQueries>().ListAgreementsForCaseAsync(TeamsHost.Tenant, Team, "Ahorn-07");
        Assert.Equal(AgreementStatus.Done, Assert.Single(agreements, a => a.What == "Schritt 1").Status);
        Assert.Equal(4, agreements.Count(a => a.What.StartsWith("Schritt", StringComparison.Ordinal) && a.Status == AgreementStatus.Open));

        _graph.Clear();
        var third = await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Equal(0, third.TasksCreated + third.AgreementsCompleted + third.TasksUpdated);
        Assert.Equal(5, _graph.Tasks.Count);
        Assert.DoesNotContain(_graph.Requests, r => r.Method is "POST" or "PATCH");

        // A status change in the bot updates the task, with the task's ETag in If-Match.
        var two = Assert.Single(agreements, a => a.What == "Schritt 2");
        Assert.Equal(AgreementStatusChange.Changed, await _host.Service<AgreementStatusService>().SetStatusAsync(TeamsHost.Tenant, Team, two.SourceSessionId, two.Id, AgreementStatus.Done, TeamsUser.Anna.Id));
        var twoTask = Assert.Single(_graph.Tasks, t => t.Title.StartsWith("Schritt 2 ", StringComparison.Ordinal));
        var etag = twoTask.ETag;
        var fourth = await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Equal(1, fourth.TasksUpdated);
        var patch = Assert.Single(_graph.Requests, r => r.Method == "PATCH");
        Assert.Equal("/planner/tasks/" + twoTask.Id, patch.Path);
        Assert.Equal(etag, patch.IfMatch);
        Assert.Equal(100, _graph.Tasks.Single(t => t.Id == twoTask.Id).PercentComplete);
    }

    [Fact]
    public async Task A_task_for_an_agreement_with_a_responsible_colleague_is_assigned_to_that_colleagues_Entra_object_id()
    {
        const string BenObjectId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
        _host.Connector.AddMember(TeamsUser.Ben.Id, TeamsUser.Ben.Name, aadObjectId: BenObjectId);
        await EnableAsync(planner: true);
        var (session, _) = await _kb.StartAsync(Place.Channel, "Ahorn-07");
        for (var i = 0; i < 4; i++)
        {
            await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        }

        var editor = await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Agreements);
        editor = await _kb.ActAsync(TeamsUser.Ben, editor, CardVerbs.AgreementAdd, new JsonObject { ["what"] = "Schritt mit Ben", ["party"] = "Jobcenter", [CardDataKeys.OwnerId] = TeamsUser.Ben.Id });
        await _kb.ActAsync(TeamsUser.Ben, editor, CardVerbs.AgreementAdd, new JsonObject { ["what"] = "Schritt ohne Ben", ["party"] = "Jobcenter" });
        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);

        var report = await _host.Service<GraphSync>().SyncOnceAsync();

        Assert.Equal(2, report.TasksCreated);
        Assert.Contains(_host.Connector.Requests, r => r.Method == "GET" && r.Segments.Count > 1 && r.Segments[^2] == "members" && r.Segments[^1] == TeamsUser.Ben.Id);
        var assigned = Assert.Single(_graph.Tasks, t => t.Title.StartsWith("Schritt mit Ben ", StringComparison.Ordinal));
        var assignment = assigned.Body["assignments"]![BenObjectId]!;
        Assert.Equal("#microsoft.graph.plannerAssignment", assignment["@odata.type"]!.GetValue<string>());
        var unassigned = Assert.Single(_graph.Tasks, t => t.Title.StartsWith("Schritt ohne Ben ", StringComparison.Ordinal));
        Assert.Null(unassigned.Body["assignments"]);

        // The link back: the description names what was agreed and the pseudonym and links to the session's thread.
        var description = _graph.TaskDetails(assigned.Id)!["description"]!.GetValue<string>();
        Assert.StartsWith("Schritt mit Ben (Ahorn-07)\nhttps://teams.microsoft.com/l/", description, StringComparison.Ordinal);
        Assert.Equal("description", _graph.TaskDetails(assigned.Id)!["previewType"]!.GetValue<string>());
        var detailsPatch = Assert.Single(_graph.Requests, r => r.Method == "PATCH" && r.Path == "/planner/tasks/" + assigned.Id + "/details");
        Assert.NotNull(detailsPatch.IfMatch);
        Assert.DoesNotContain("Ben", description.Replace("Schritt mit Ben", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_whose_answer_timed_out_is_found_by_its_marker_and_not_created_twice()
    {
        await RestartHostAsync(new() { ["Graph:RequestTimeout"] = "00:00:02" });
        await EnableAsync(planner: true);
        await SessionWithAgreementsAsync(1);

        _graph.TaskDelay = TimeSpan.FromSeconds(4);
        var first = await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Equal(1, first.Failures);
        Assert.Single(_graph.Tasks);

        _graph.TaskDelay = TimeSpan.Zero;
        _host.Clock.Jump(TimeSpan.FromMinutes(5));
        await _host.Service<GraphSync>().SyncOnceAsync();

        Assert.Single(_graph.Tasks);
        Assert.Single(_graph.Requests, r => r.Method == "POST" && r.Path == "/planner/tasks");
        Assert.Contains(_graph.Requests, r => r.Method == "GET" && r.Path == "/planner/plans/" + PlanId + "/tasks");
        var row = Assert.Single(await _host.Service<GraphWorkRepository>().ListForTeamAsync(new TeamScope(TeamsHost.Tenant, Team), GraphWorkKinds.Task));
        Assert.Equal(_graph.Tasks[0].Id, row.Work.RemoteId);
        await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Single(_graph.Tasks);
    }

    // ---- Done when 1: the record in the channel's files -------------------------------------------------------

    [Fact]
    public async Task A_confirmed_protocol_uploads_one_docx_with_the_records_seven_parts()
    {
        await EnableAsync(files: true);
        await SessionWithAgreementsAsync(2, confirm: true);

        var report = await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Equal(1, report.FilesUploaded);
        var folder = Assert.Single(_graph.Requests, r => r.Method == "GET");
        Assert.Equal("/teams/" + GroupId + "/channels/19:beratung@thread.tacv2/filesFolder", folder.Path);
        var put = Assert.Single(_graph.Requests, r => r.Method == "PUT");
        Assert.StartsWith("/drives/drive-" + GroupId + "/items/folder-", put.Path, StringComparison.Ordinal);
        var file = Assert.Single(_graph.Files);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} Kollegiale Beratung Ahorn-07\.docx$", file.Name);

        using var document = WordprocessingDocument.Open(new MemoryStream(Assert.Single(file.Versions)), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var headings = paragraphs
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText)
            .ToList();
        Assert.Equal(
            [
                "1. Reflexion vorangegangener Vereinbarungen",
                "2. Zusammenfassung",
                "3. Ergebnisse der Zielarbeit",
                "4. Handlungsbedarfe / Hemmnisse",
                "5. Lösungsansätze und nächste Schritte",
                "6. Verantwortlichkeiten",
                "7. Einbezogene Partnerinnen und Partner",
            ],
            headings);
        Assert.Contains(paragraphs, p => p.InnerText.Contains("Schritt 1", StringComparison.Ordinal));

        _graph.Clear();
        await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.DoesNotContain(_graph.Requests, r => r.Method == "PUT");

        // A corrected version (a new protocol version) replaces the file under the same name: a new version in SharePoint.
        var scope = new TeamScope(TeamsHost.Tenant, Team);
        var protocols = _host.Service<ProtocolRepository>();
        var sessionId = (await _host.Service<TeamQueries>().ListProtocolsAsync(TeamsHost.Tenant, Team)).Single().SessionId;
        var latest = (await protocols.GetLatestAsync(scope, sessionId))!;
        var corrected = JsonNode.Parse(latest.Content)!.AsObject();
        corrected["version"] = latest.Version + 1;
        await protocols.AddVersionAsync(scope, latest with { Version = latest.Version + 1, Content = corrected.ToJsonString() });
        await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Single(_graph.Files);
        Assert.Equal(2, _graph.Files[0].Versions.Count);
        Assert.Single(_graph.Requests, r => r.Method == "PUT");

        // Deleting the case removes the bot's Graph bookkeeping of it too.
        await _host.Service<StorageRetention>().DeleteCaseReferenceAsync(scope, "Ahorn-07");
        Assert.Empty(await _host.Service<GraphWorkRepository>().ListForTeamAsync(scope, GraphWorkKinds.File));
    }

    // ---- Done when 1: errors a user can act on ----------------------------------------------------------------

    [Fact]
    public async Task Missing_calendar_permission_403_names_the_permission_the_admin_must_grant_and_creates_nothing()
    {
        await EnableAsync(calendar: true);
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var form = await PlanAsync(session);
        _graph.Fail("POST /users/", 403, "ErrorAccessDenied");

        var result = await _host.InvokeAsync(ScheduleInvoke(form, "2031-03-04", "10:00", "60", string.Empty));

        var text = CardJson.Text(result);
        Assert.Contains("Anwendungsberechtigung Calendars.ReadWrite", text, StringComparison.Ordinal);
        Assert.Contains("Administratorzustimmung", text, StringComparison.Ordinal);
        Assert.Empty(_graph.Events);
        Assert.Null(OpenUrl(result));
    }

    [Fact]
    public async Task A_plan_gone_404_and_missing_Planner_permission_403_show_on_the_settings_card()
    {
        await EnableAsync(planner: true);
        await SessionWithAgreementsAsync(1);
        _graph.Plans.TryRemove(PlanId, out _);

        var report = await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Equal(1, report.Failures);
        Assert.Empty(_graph.Tasks);
        var settings = await CommandAsync("einstellungen");
        Assert.Contains("Der Planner-Plan wurde in Microsoft 365 nicht gefunden. Bitte „einstellungen“ schreiben", CardJson.Text(settings), StringComparison.Ordinal);

        // A new plan id in the settings, but the permission is missing now.
        _graph.Plans[PlanId + "2"] = true;
        await SaveSettingsAsync(settings, new JsonObject { ["graphPlanner"] = "true", ["plannerPlanId"] = PlanId + "2" });
        await SessionWithAgreementsAsync(1, pseudonym: "Birke-12");
        _graph.Fail("POST /planner/tasks", 403, "Forbidden", times: 5);
        await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Contains("Anwendungsberechtigung Tasks.ReadWrite.All", CardJson.Text(await CommandAsync("einstellungen")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_429_with_a_long_Retry_After_says_wird_nachgeholt_and_the_durable_retry_makes_one_event()
    {
        await EnableAsync(calendar: true);
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var form = await PlanAsync(session);
        _graph.Fail("POST /users/", 429, "TooManyRequests", retryAfterSeconds: 120);

        var result = await _host.InvokeAsync(ScheduleInvoke(form, "2031-03-04", "10:00", "60", string.Empty));
        Assert.Contains("wird nachgeholt", CardJson.Text(result), StringComparison.Ordinal);
        Assert.Empty(_graph.Events);

        // Before Retry-After nothing is sent; after it the stored event is created, once.
        _host.Clock.Jump(TimeSpan.FromSeconds(30));
        await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Single(_graph.Requests, r => r.Method == "POST");
        _host.Clock.Jump(TimeSpan.FromMinutes(3));
        await _host.Service<GraphSync>().SyncOnceAsync();
        await _host.Service<GraphSync>().SyncOnceAsync();
        Assert.Single(_graph.Events);
        Assert.Equal(2, _graph.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Throttling_429_with_a_short_Retry_After_and_503_are_retried_at_once_and_the_card_shows_the_link()
    {
        await EnableAsync(calendar: true);
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var form = await PlanAsync(session);
        _graph.Fail("POST /users/", 429, "TooManyRequests", retryAfterSeconds: 1);
        _graph.Fail("POST /users/", 503, "ServiceUnavailable", retryAfterSeconds: 1);

        var result = await _host.InvokeAsync(ScheduleInvoke(form, "2031-03-04", "10:00", "60", string.Empty));

        Assert.Equal(3, _graph.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(_graph.Events.Single()["onlineMeeting"]!["joinUrl"]!.GetValue<string>(), OpenUrl(result));
    }

    // ---- Done when 2: Graph off, no request -------------------------------------------------------------------

    [Fact]
    public async Task With_Graph_switched_off_for_the_team_no_Graph_request_is_made()
    {
        // The team's settings exist, every Microsoft 365 feature off (the default).
        var settings = await CommandAsync("einstellungen");
        Assert.Contains("Microsoft 365", CardJson.Text(settings), StringComparison.Ordinal);
        await SaveSettingsAsync(settings, new JsonObject { ["graphCalendar"] = "false", ["graphPlanner"] = "false", ["graphFiles"] = "false" });

        var session = await SessionWithAgreementsAsync(5, confirm: true);
        var protocol = await _kb.ViewAsync(TeamsUser.Anna, session, CardViews.Protocol);
        Assert.False(CardJson.HasVerb(protocol, CardVerbs.MeetingPlan));
        var refused = await PlanAsync(session);
        Assert.Contains("ausgeschaltet", CardJson.Text(refused), StringComparison.Ordinal);
        var forged = await _host.InvokeAsync(ScheduleInvoke(MeetingData(session, CardVerbs.MeetingSchedule), "2031-03-04", "10:00", "60", string.Empty));
        Assert.Contains("ausgeschaltet", CardJson.Text(forged), StringComparison.Ordinal);
        var report = await _host.Service<GraphSync>().SyncOnceAsync();

        Assert.Equal(0, report.Teams);
        Assert.Empty(_graph.Requests);
        Assert.Empty(await _host.Service<GraphWorkRepository>().ListForTeamAsync(new TeamScope(TeamsHost.Tenant, Team), GraphWorkKinds.Task));
    }

    [Fact]
    public async Task With_Graph_off_for_the_deployment_the_settings_card_offers_nothing_and_no_Graph_request_is_made()
    {
        await RestartHostAsync(new() { ["Graph:Enabled"] = "false" });
        var settings = await CommandAsync("einstellungen");
        Assert.DoesNotContain("Microsoft 365", CardJson.Text(settings), StringComparison.Ordinal);
        var session = await SessionWithAgreementsAsync(2, confirm: true);
        await _host.InvokeAsync(ScheduleInvoke(MeetingData(session, CardVerbs.MeetingSchedule), "2031-03-04", "10:00", "60", string.Empty));
        await _host.Service<GraphSync>().SyncOnceAsync();

        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task A_bad_Graph_configuration_stops_the_host_at_start_up_with_the_key_named()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TeamsHost.StartAsync(azurite.ConnectionString, extraSettings: new Dictionary<string, string?>
        {
            ["Graph:Enabled"] = "true",
            ["Graph:BaseUrl"] = "http://graph.example.org/v1.0",
            ["Graph:Credential:Type"] = "ClientSecret",
        }));

        var message = failure.ToString();
        Assert.Contains("Graph:BaseUrl must be an absolute https URL", message, StringComparison.Ordinal);
        Assert.Contains("Graph:Credential:ClientSecret", message, StringComparison.Ordinal);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private async Task EnableAsync(bool calendar = false, bool planner = false, bool files = false)
    {
        var settings = await CommandAsync("einstellungen");
        var saved = await SaveSettingsAsync(settings, new JsonObject
        {
            ["graphCalendar"] = calendar ? "true" : "false",
            ["graphPlanner"] = planner ? "true" : "false",
            ["plannerPlanId"] = planner ? PlanId : string.Empty,
            ["graphFiles"] = files ? "true" : "false",
        });
        Assert.Contains("gespeichert", CardJson.Text(saved), StringComparison.OrdinalIgnoreCase);
        _graph.Clear();
    }

    private async Task<JsonObject> SaveSettingsAsync(JsonObject settingsCard, JsonObject inputs)
    {
        var invoke = Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, CardJson.RequireData(settingsCard, CardVerbs.SettingsSave), "settings-1", inputs);
        invoke["channelData"]!["team"]!["aadGroupId"] = GroupId;
        return await _host.InvokeAsync(invoke);
    }

    private async Task<JsonObject> CommandAsync(string text)
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, text));
        return await _kb.WaitForCardReplyAsync();
    }

    /// <summary>A KB session in phase 5 with <paramref name="count"/> job-centre agreements ("Schritt 1" due 2031-05-01), finished.</summary>
    private async Task<string> SessionWithAgreementsAsync(int count, bool confirm = false, bool withPersonAgreement = false, string pseudonym = "Ahorn-07")
    {
        var (session, _) = await _kb.StartAsync(Place.Channel, pseudonym);
        for (var i = 0; i < 4; i++)
        {
            await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        }

        var editor = await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Agreements);
        for (var i = 1; i <= count; i++)
        {
            var inputs = new JsonObject { ["what"] = "Schritt " + i, ["party"] = "Jobcenter", ["who"] = "Fallmanagement" };
            if (i == 1)
            {
                inputs["due"] = "2031-05-01";
            }

            editor = await _kb.ActAsync(TeamsUser.Ben, editor, CardVerbs.AgreementAdd, inputs);
        }

        if (withPersonAgreement)
        {
            await _kb.ActAsync(TeamsUser.Ben, editor, CardVerbs.AgreementAdd, new JsonObject { ["what"] = "Die Person meldet sich beim Bioladen", ["party"] = "Person" });
        }

        await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);
        if (confirm)
        {
            await _kb.ActAsync(TeamsUser.Ben, await _kb.ViewAsync(TeamsUser.Ben, session, CardViews.Protocol), CardVerbs.ProtocolConfirm);
        }

        return session;
    }

    private async Task<JsonObject> PlanAsync(string session) =>
        await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, MeetingData(session, CardVerbs.MeetingPlan), KbDriver.CardId));

    private static JsonObject MeetingData(string session, string verb) => new()
    {
        ["verb"] = verb,
        ["requestId"] = Guid.NewGuid().ToString("N"),
        ["sessionId"] = session,
        ["expectedVersion"] = 0,
    };

    private JsonObject ScheduleInvoke(JsonObject formOrData, string date, string time, string minutes, string invitees)
    {
        var data = formOrData["verb"] is null ? CardJson.RequireData(formOrData, CardVerbs.MeetingSchedule) : formOrData;
        var invoke = Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, data, KbDriver.CardId, new JsonObject
        {
            ["meetingDate"] = date,
            ["meetingTime"] = time,
            ["meetingMinutes"] = minutes,
            ["meetingInvitees"] = invitees,
        });
        invoke["from"]!["aadObjectId"] = AnnaObjectId;
        return invoke;
    }

    private static string? OpenUrl(JsonObject card) =>
        CardJson.Descendants(card)
            .Where(o => o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "Action.OpenUrl")
            .Select(o => o["url"]?.GetValue<string>())
            .FirstOrDefault();
}
