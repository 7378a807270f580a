using System.Text.Json;
using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Tests.Schema;

public sealed class ActivityParsingTests
{
    private const string ChannelMessage = """
        {
          "type": "message", "id": "1712345678901", "serviceUrl": "https://smba.trafficmanager.net/emea/", "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Megan Bowen", "aadObjectId": "00000000-0000-0000-0000-000000000001" },
          "conversation": { "id": "19:xyz@thread.tacv2;messageid=1712345678901", "conversationType": "channel", "isGroup": true, "tenantId": "tid" },
          "recipient": { "id": "28:app", "name": "GBB Bot" },
          "text": "<at>GBB Bot</at> kb  start", "locale": "de-DE", "someFutureField": { "nested": [1, 2, 3] },
          "entities": [ { "type": "mention", "text": "<at>GBB Bot</at>", "mentioned": { "id": "28:app" } } ],
          "channelData": { "teamsChannelId": "19:xyz@thread.tacv2", "team": { "id": "19:team@thread.tacv2", "name": "Nord" },
                           "channel": { "id": "19:xyz@thread.tacv2" }, "tenant": { "id": "tid" }, "unknownTeamsThing": { "keep": true } }
        }
        """;

    [Fact]
    public void Teams_channel_message_parses_with_unknown_fields_ignored_and_channel_data_intact()
    {
        var activity = JsonSerializer.Deserialize<Activity>(ChannelMessage, BotJson.Options)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("29:1abc", activity.From!.Id);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.Equal("tid", activity.Teams.TenantId);
        Assert.Equal("19:team@thread.tacv2", activity.Teams.TeamId);
        Assert.Equal("19:xyz@thread.tacv2", activity.Teams.ChannelId);
        Assert.True(activity.ChannelData!.Value.GetProperty("unknownTeamsThing").GetProperty("keep").GetBoolean());
        Assert.Single(activity.Entities!);
    }

    [Theory]
    [InlineData("<at>GBB Bot</at> kb  start", "kb start")]
    [InlineData("hilfe", "hilfe")]
    [InlineData("  <at>GBB</at>\n<AT>Other</AT> help ", "help")]
    [InlineData(null, "")]
    public void Mentions_are_stripped_from_message_text(string? text, string expected) =>
        Assert.Equal(expected, MentionText.Strip(text));

    [Theory]
    [InlineData("""{ "Id": "m1", "MeetingType": "Scheduled", "Title": "Fall", "StartTime": "2026-03-01T10:00:00.000Z" }""")]
    [InlineData("""{ "id": "m1", "meetingType": "Scheduled", "title": "Fall", "startTime": "2026-03-01T10:00:00.000Z" }""")]
    public void Meeting_start_is_read_regardless_of_key_casing(string value)
    {
        var activity = new Activity { Type = "event", Name = MeetingEvents.Start, Value = JsonDocument.Parse(value).RootElement };

        var start = MeetingEvents.ReadLifecycle(activity)!;

        Assert.True(start.Started);
        Assert.Equal("m1", start.MeetingId);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), start.At);
    }

    [Theory]
    [InlineData("""{ "members": [ { "user": { "id": "29:u", "aadObjectId": "a" }, "meeting": { "inMeeting": false, "role": "Attendee" } } ] }""")]
    [InlineData("""{ "Members": [ { "User": { "Id": "29:u", "AadObjectId": "a" }, "Meeting": { "InMeeting": false, "Role": "Attendee" } } ] }""")]
    public void Participant_leave_is_read_regardless_of_key_casing(string value)
    {
        var activity = new Activity { Type = "event", Name = MeetingEvents.ParticipantLeave, Value = JsonDocument.Parse(value).RootElement };

        var member = Assert.Single(MeetingEvents.ReadParticipants(activity));

        Assert.Equal(new MeetingParticipantEvent("29:u", "a", "Attendee", false), member);
    }

    [Fact]
    public void Outgoing_card_activity_serialises_camel_case_without_nulls()
    {
        var card = new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };

        var json = JsonSerializer.Serialize(Activity.CreateCard(card), BotJson.Options);

        Assert.Equal("""{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5"}}]}""", json);
    }

    [Fact]
    public void Invoke_response_for_a_card_has_the_universal_action_shape()
    {
        var response = InvokeResponse.Card(new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard" });

        Assert.Equal(200, response.Status);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard"}}""", response.Body!.ToJsonString());
    }
}
