using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GbbTeamsBot.Application.Graph;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Graph;
using GbbTeamsBot.Storage.Repositories;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace GbbTeamsBot.Tests.Graph;

/// <summary>Unit tests of the Graph mapping: the JSON the SDK sends, errors, options, names and the Word document.</summary>
public sealed class GraphMappingTests
{
    static GraphMappingTests()
    {
        SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonSerializationWriterFactory());
    }

    [Fact]
    public async Task An_event_is_sent_in_UTC_as_a_Teams_meeting_with_the_transaction_id_and_the_attendees()
    {
        var start = new DateTimeOffset(2031, 3, 4, 10, 30, 0, TimeSpan.FromHours(1));
        var ev = GraphMapping.ToEvent(new MeetingRequest("org", "Nächster Termin: KB – Ahorn-07", "<p>x</p>", start, TimeSpan.FromMinutes(45), ["a@jc.example"], "tx-1"));

        var json = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(ev))!.AsObject();

        Assert.True(json["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", json["onlineMeetingProvider"]!.GetValue<string>());
        Assert.Equal("tx-1", json["transactionId"]!.GetValue<string>());
        Assert.Equal("2031-03-04T09:30:00", json["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("2031-03-04T10:15:00", json["end"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("UTC", json["end"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("a@jc.example", json["attendees"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal("html", json["body"]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_is_assigned_by_Entra_object_id_with_its_due_date_and_an_unassigned_task_has_no_assignments()
    {
        var assigned = GraphMapping.ToPlannerTask(new NewBoardTask("plan-1", "Schritt #gbb-1", new DateOnly(2031, 5, 1), "6e7b768e-07e2-4810-8459-485f84f8f204"));
        var json = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(assigned))!.AsObject();
        Assert.Equal("plan-1", json["planId"]!.GetValue<string>());
        Assert.StartsWith("2031-05-01T12:00:00", json["dueDateTime"]!.GetValue<string>(), StringComparison.Ordinal);
        var assignment = json["assignments"]!["6e7b768e-07e2-4810-8459-485f84f8f204"]!;
        Assert.Equal("#microsoft.graph.plannerAssignment", assignment["@odata.type"]!.GetValue<string>());
        Assert.Equal(" !", assignment["orderHint"]!.GetValue<string>());

        var unassigned = GraphMapping.ToPlannerTask(new NewBoardTask("plan-1", "Schritt", null, null));
        var bare = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(unassigned))!.AsObject();
        Assert.Null(bare["assignments"]);
        Assert.Null(bare["dueDateTime"]);
    }

    [Fact]
    public void A_Planner_task_reads_its_ETag_from_odata_etag_and_100_percent_as_completed()
    {
        var task = new Microsoft.Graph.Models.PlannerTask { Id = "t1", PlanId = "p", Title = "x", PercentComplete = 100 };
        task.AdditionalData["@odata.etag"] = "W/\"abc\"";
        var board = GraphMapping.ToBoardTask(task);
        Assert.True(board.IsCompleted);
        Assert.Equal("W/\"abc\"", board.ETag);
        Assert.False(GraphMapping.ToBoardTask(new Microsoft.Graph.Models.PlannerTask { Id = "t2", PercentComplete = 50 }).IsCompleted);
    }

    [Theory]
    [InlineData(403, GraphFailureKind.PermissionMissing, false)]
    [InlineData(404, GraphFailureKind.NotFound, false)]
    [InlineData(429, GraphFailureKind.Throttled, true)]
    [InlineData(503, GraphFailureKind.Throttled, true)]
    [InlineData(502, GraphFailureKind.Unreachable, true)]
    [InlineData(412, GraphFailureKind.Conflict, true)]
    [InlineData(400, GraphFailureKind.Rejected, false)]
    public void Graph_errors_map_to_what_a_user_and_the_retry_can_act_on(int status, GraphFailureKind kind, bool transient)
    {
        var error = new ODataError { ResponseStatusCode = status, Error = new MainError { Code = "SomeCode", Message = "may echo content" } };
        error.ResponseHeaders["Retry-After"] = ["7"];

        var mapped = GraphErrors.Map(error, CancellationToken.None)!;

        Assert.Equal(kind, mapped.Kind);
        Assert.Equal(transient, mapped.IsTransient);
        Assert.Equal("SomeCode", mapped.Code);
        Assert.Equal(TimeSpan.FromSeconds(7), mapped.RetryAfter);
        Assert.DoesNotContain("may echo content", GraphRetry.Describe(mapped), StringComparison.Ordinal);
        Assert.Equal(GraphFailureKind.Unreachable, GraphErrors.Map(new HttpRequestException("refused"), CancellationToken.None)!.Kind);
        Assert.Null(GraphErrors.Map(new OperationCanceledException(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void The_durable_retry_waits_at_least_the_Retry_After_and_parks_permanent_failures()
    {
        var options = new GraphOptions { RetryBaseDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(1), MaxAttempts = 3 };
        var now = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(now + TimeSpan.FromMinutes(2), GraphRetry.NextAttempt(options, 1, null, now));
        Assert.Equal(now + TimeSpan.FromMinutes(10), GraphRetry.NextAttempt(options, 1, TimeSpan.FromMinutes(10), now));
        Assert.Equal(now + TimeSpan.FromHours(1), GraphRetry.NextAttempt(options, 30, TimeSpan.FromDays(1), now));

        var work = new GraphWorkRecord("task", "a1", GraphWorkRepository.Pending, 1, now, null, null, null, "{}", null, now);
        var throttled = new GraphCallException(GraphFailureKind.Throttled, 429, "TooMany", TimeSpan.FromMinutes(5), null);
        Assert.Equal(GraphWorkRepository.Pending, GraphRetry.AfterFailure(work, throttled, options, now).State);
        Assert.Equal(GraphWorkRepository.Failed, GraphRetry.AfterFailure(work with { Attempts = 3 }, throttled, options, now).State);
        var forbidden = new GraphCallException(GraphFailureKind.PermissionMissing, 403, "Forbidden", null, null);
        Assert.Equal(GraphWorkRepository.Failed, GraphRetry.AfterFailure(work, forbidden, options, now).State);
    }

    [Fact]
    public void Markers_and_transaction_ids_are_stable_per_team_and_item_and_differ_between_teams()
    {
        var a = new TeamScope("t", "team:a");
        var b = new TeamScope("t", "team:b");
        Assert.Equal(GraphRetry.Marker(a, "s/a1"), GraphRetry.Marker(a, "s/a1"));
        Assert.NotEqual(GraphRetry.Marker(a, "s/a1"), GraphRetry.Marker(b, "s/a1"));
        Assert.Matches("^#gbb-[0-9a-f]{10}$", GraphRetry.Marker(a, "s/a1"));
        Assert.True(Guid.TryParse(GraphRetry.TransactionId(a, "s/r"), out _));
        Assert.Equal(GraphRetry.TransactionId(a, "s/r"), GraphRetry.TransactionId(a, "s/r"));
    }

    [Theory]
    [InlineData(false, "http://graph.example/v1.0", true, "Graph:BaseUrl")]
    [InlineData(true, "https://graph.microsoft.com/v1.0", true, null)]
    [InlineData(true, "http://127.0.0.1:5000/v1.0", true, null)]
    [InlineData(true, "https://graph.microsoft.com/v1.0", false, "Development only")]
    public void Graph_options_are_checked_at_start_up(bool enabled, string baseUrl, bool development, string? error)
    {
        var options = new GraphOptions { Enabled = enabled, BaseUrl = baseUrl, Credential = { Type = development ? string.Empty : "Default" } };
        var result = new GraphOptionsValidator(development ? "Development" : "Production").Validate(null, options);
        if (error is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(error, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_client_secret_or_certificate_needs_its_secret_tenant_and_client()
    {
        var validator = new GraphOptionsValidator("Production");
        var secret = validator.Validate(null, new GraphOptions { Enabled = true, Credential = { Type = "ClientSecret" } });
        Assert.Contains("Graph:Credential:ClientSecret", secret.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Graph:TenantId and Graph:ClientId", secret.FailureMessage, StringComparison.Ordinal);
        var certificate = validator.Validate(null, new GraphOptions { Enabled = true, Credential = { Type = "Certificate" } });
        Assert.Contains("Graph:Credential:CertificatePath", certificate.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new GraphOptions { Enabled = true, Credential = { Type = "ManagedIdentity" } }).Succeeded);
        Assert.Contains("must be one of", validator.Validate(null, new GraphOptions { Enabled = true, Credential = { Type = "Password" } }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_has_date_method_and_pseudonym_only_and_the_document_styles_the_seven_headings()
    {
        var doc = new ProtocolDocument
        {
            SessionId = "s1",
            Version = 2,
            IsConfirmed = true,
            MethodId = "kb",
            MethodName = new Bilingual("Kollegiale Beratung", "Collegial case consultation"),
            CaseReference = "Ahorn/07",
            Date = new DateTimeOffset(2031, 3, 4, 9, 0, 0, TimeSpan.Zero),
        };
        Assert.Equal("2031-03-04 Kollegiale Beratung Ahorn_07.docx", GraphSync.FileName(doc));

        var record = CaseFileRecordRenderer.Render(doc);
        using var word = WordprocessingDocument.Open(new MemoryStream(GraphSync.Document(doc, record)), false);
        var headings = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1")
            .Select(p => p.InnerText[..2])
            .ToList();
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6.", "7."], headings);
        Assert.NotNull(word.MainDocumentPart.StyleDefinitionsPart);
    }

    [Fact]
    public void A_task_title_carries_what_the_pseudonym_and_the_marker_and_is_capped()
    {
        var agreement = new Agreement { Id = "s/a1", SourceSessionId = "s", CaseReference = "Ahorn-07", What = new string('x', 300), Owner = AgreementOwner.JobCentre, CreatedAt = DateTimeOffset.UnixEpoch };
        var title = GraphSync.TaskTitle(agreement, "#gbb-0123456789");
        Assert.EndsWith("… (Ahorn-07) #gbb-0123456789", title, StringComparison.Ordinal);
        Assert.True(title.Length < 255);
    }

    [Fact]
    public void A_channel_thread_links_to_its_root_message_and_a_chat_to_the_chat()
    {
        Assert.Equal(
            "https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1700000000001?tenantId=t-1&parentMessageId=1700000000001",
            TeamsDeepLinks.Conversation("19:abc@thread.tacv2;messageid=1700000000001", "t-1"));
        Assert.Equal("https://teams.microsoft.com/l/chat/19%3Ameeting_x%40thread.v2/0?tenantId=t-1", TeamsDeepLinks.Conversation("19:meeting_x@thread.v2", "t-1"));
        Assert.Null(TeamsDeepLinks.Conversation(null, "t-1"));
    }

    [Fact]
    public void The_task_description_carries_what_was_agreed_the_pseudonym_and_the_link_only()
    {
        var agreement = new Agreement { Id = "s/a1", SourceSessionId = "s", CaseReference = "Ahorn-07", What = "Antrag stellen", OwnerDetail = "Fallmanagement", CreatedAt = DateTimeOffset.UnixEpoch };
        Assert.Equal("Antrag stellen (Ahorn-07)\nhttps://teams.microsoft.com/l/chat/x/0", GraphSync.TaskDescription(agreement, "https://teams.microsoft.com/l/chat/x/0"));
        Assert.Equal("Antrag stellen (Ahorn-07)", GraphSync.TaskDescription(agreement, null));
    }
}
