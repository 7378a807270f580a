using System.Text.Json.Nodes;
using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Testing;
using GbbTeamsBot.TestServers;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>
/// Reminders of agreements are durable deadlines like phase ends: two bot instances on one storage (same table prefix)
/// and a restart, each on its own jumped clock; the fake connector on loopback records the personal chat the bot creates
/// (POST v3/conversations) and the reminder card it sends there.
/// </summary>
public sealed class AgreementReminderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Pseudonym = "Birke-12";
    private const string What = "Unterlagen für den Bildungsgutschein einreichen";
    private static readonly TeamsUser Outsider = new("29:d", "Person 4");

    [Fact]
    public async Task A_reminder_fires_once_across_a_restart_and_two_instances_and_its_erledigt_stores_done_and_stops_the_overdue_one()
    {
        var prefix = "R" + Guid.NewGuid().ToString("N")[..10];
        await using var a = await TeamsHost.StartAsync(azurite.ConnectionString, prefix);
        var b = await TeamsHost.StartAsync(azurite.ConnectionString, prefix);
        var kb = new KbDriver(a);

        // A KB records an agreement owned by Carla (a colleague in the session), due in two weeks; then it ends.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Clock.GetUtcNow(), zone).DateTime).AddDays(14);
        var (session, _) = await kb.StartAsync(Place.Channel, Pseudonym);
        for (var phase = 0; phase < 4; phase++)
        {
            await kb.ActAsync(TeamsUser.Anna, await kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        }

        var editor = await kb.ViewAsync(TeamsUser.Ben, session, CardViews.Agreements);
        await kb.ActAsync(TeamsUser.Ben, editor, CardVerbs.AgreementAdd, new JsonObject
        {
            ["what"] = What, ["who"] = "Arbeitsvermittlung", ["party"] = "Jobcenter", ["due"] = due.ToString("yyyy-MM-dd"), ["ownerId"] = "29:c",
        });
        await kb.ActAsync(TeamsUser.Anna, await kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionFinish);
        var agreement = await AgreementAsync(a, session + "/a1");
        Assert.Equal("29:c", agreement.OwnerUserId);

        // Two working days before the due date, 08:00 in the team's time zone; nothing fires a minute before.
        var remindAt = AgreementReminders.Next(agreement, AgreementReminders.DefaultWorkingDaysBefore, zone, new HashSet<string>())!.At;
        var early = remindAt - a.Clock.GetUtcNow() - TimeSpan.FromMinutes(1);
        Jump(early, a, b);
        await Task.WhenAll(a.FireDueDeadlinesAsync(), b.FireDueDeadlinesAsync());
        Assert.Empty(Reminders(a, b));

        // Both instances scan once the time has come: one reminder, in a personal chat the bot created for Carla.
        Jump(TimeSpan.FromMinutes(2), a, b);
        await Task.WhenAll(a.FireDueDeadlinesAsync(), b.FireDueDeadlinesAsync());
        var sent = Assert.Single(Reminders(a, b));
        var created = Assert.Single(a.Connector.Requests.Concat(b.Connector.Requests), r => r.Method == "POST" && r.Route == "v3/conversations");
        Assert.Contains("29:c", created.Body, StringComparison.Ordinal);
        var personalChat = sent.Route.Split('/')[2];
        Assert.NotEqual(TeamsHost.ChannelConversation, personalChat);
        var card = sent.Json!["attachments"]![0]!["content"]!.AsObject();
        var text = CardJson.Text(card);
        Assert.Contains("Erinnerung: Vereinbarung bald fällig", text, StringComparison.Ordinal);
        Assert.Contains(Pseudonym, text, StringComparison.Ordinal);
        Assert.Contains(What, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 3", text, StringComparison.Ordinal);
        Assert.True(CardJson.HasVerb(card, CardVerbs.ReminderDone));
        Assert.True(CardJson.HasVerb(card, CardVerbs.ReminderReschedule));

        // B restarts (a new instance on the same storage) and scans again, as does A: still only the one reminder.
        await b.DisposeAsync();
        await using var c = await TeamsHost.StartAsync(azurite.ConnectionString, prefix);
        Jump(early + TimeSpan.FromMinutes(3), c);
        Jump(TimeSpan.FromMinutes(1), a);
        await Task.WhenAll(a.FireDueDeadlinesAsync(), c.FireDueDeadlinesAsync());
        Assert.Single(Reminders(a, c));

        // Someone with no part in the case cannot tick it off from the card; Carla can, in her personal chat.
        var personal = new Place(personalChat, "personal", null, null);
        var refused = await a.InvokeAsync(Activities.Invoke(a, Outsider, personal, CardJson.RequireData(card, CardVerbs.ReminderDone), "reminder-1"));
        Assert.Contains("nichts geändert", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Open, (await AgreementAsync(a, session + "/a1")).Status);
        var done = await a.InvokeAsync(Activities.Invoke(a, TeamsUser.Carla, personal, CardJson.RequireData(card, CardVerbs.ReminderDone), "reminder-1"));
        Assert.Contains("Als erledigt gespeichert.", CardJson.Text(done), StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(done, CardVerbs.ReminderDone));
        var stored = await AgreementAsync(c, session + "/a1");
        Assert.Equal(AgreementStatus.Done, stored.Status);
        Assert.Equal("29:c", stored.StatusChangedById);

        // The overdue reminder would come the working morning after the due date; done, nothing more is sent.
        var afterDue = new DateTimeOffset(due.AddDays(4).ToDateTime(new TimeOnly(12, 0)), zone.GetUtcOffset(due.AddDays(4).ToDateTime(new TimeOnly(12, 0)))) - a.Clock.GetUtcNow();
        Jump(afterDue, a, c);
        await Task.WhenAll(a.FireDueDeadlinesAsync(), c.FireDueDeadlinesAsync());
        Assert.Single(Reminders(a, c));
    }

    [Fact]
    public async Task A_new_date_from_the_reminder_card_is_refused_in_the_past_and_otherwise_moves_the_agreement_and_its_reminders()
    {
        await using var host = await TeamsHost.StartAsync(azurite.ConnectionString);
        var kb = new KbDriver(host);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), zone).DateTime);
        var (session, _) = await kb.StartAsync(Place.Channel, "Esche-04");
        for (var phase = 0; phase < 4; phase++)
        {
            await kb.ActAsync(TeamsUser.Anna, await kb.ViewAsync(TeamsUser.Anna, session), CardVerbs.SessionNext);
        }

        await kb.ActAsync(TeamsUser.Ben, await kb.ViewAsync(TeamsUser.Ben, session, CardViews.Agreements), CardVerbs.AgreementAdd, new JsonObject
        {
            ["what"] = What, ["party"] = "Jobcenter", ["due"] = today.AddDays(10).ToString("yyyy-MM-dd"), ["ownerId"] = "29:c",
        });
        var agreement = await AgreementAsync(host, session + "/a1");
        var card = Cards.Screens.ReminderCard.Build(GbbTeamsBot.Teams.Reminders.TeamsReminderSender.View("team:" + TeamsHost.TeamId, agreement, overdue: false), new CardContext());
        var data = CardJson.RequireData(JsonNode.Parse(card.ToJsonString())!, CardVerbs.ReminderReschedule);

        var past = await host.InvokeAsync(Activities.Invoke(host, TeamsUser.Carla, Place.Channel, data, "r", new JsonObject { ["due"] = today.AddDays(-1).ToString("yyyy-MM-dd") }));
        Assert.Contains("in der Vergangenheit", CardJson.Text(past), StringComparison.Ordinal);
        Assert.Equal(today.AddDays(10), (await AgreementAsync(host, session + "/a1")).DueBy);

        var moved = await host.InvokeAsync(Activities.Invoke(host, TeamsUser.Carla, Place.Channel, data, "r", new JsonObject { ["due"] = today.AddDays(20).ToString("yyyy-MM-dd") }));
        Assert.Contains("Neues Datum gespeichert", CardJson.Text(moved), StringComparison.Ordinal);
        Assert.Equal(today.AddDays(20), (await AgreementAsync(host, session + "/a1")).DueBy);

        // The reminder planned for the old date is stale: nothing is sent at its time.
        var oldRemindAt = AgreementReminders.Next(agreement, 2, zone, new HashSet<string>())!.At;
        host.Clock.Jump(oldRemindAt - host.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await host.FireDueDeadlinesAsync();
        Assert.Empty(Reminders(host));
    }

    private static void Jump(TimeSpan by, params TeamsHost[] hosts)
    {
        foreach (var host in hosts)
        {
            host.Clock.Jump(by);
        }
    }

    /// <summary>Reminder cards the instances sent (to any conversation).</summary>
    private static List<RecordedRequest> Reminders(params TeamsHost[] hosts) =>
        hosts.SelectMany(h => h.Connector.Requests)
            .Where(r => r.Method == "POST" && r.Route.EndsWith("/activities", StringComparison.Ordinal) && r.Body.Contains(CardVerbs.ReminderDone, StringComparison.Ordinal))
            .ToList();

    private static async Task<Agreement> AgreementAsync(TeamsHost host, string id) =>
        (await host.Service<AgreementStatusService>().FindAsync(new Storage.Repositories.TeamScope(TeamsHost.Tenant, "team:" + TeamsHost.TeamId), id[..id.IndexOf('/', StringComparison.Ordinal)], id)) is { } stored
            ? GbbTeamsBot.Application.Persistence.OutlivingRecords.ParseAgreement(stored.Agreement)
            : throw new Xunit.Sdk.XunitException("Agreement not stored: " + id);
}
