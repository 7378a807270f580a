using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Teams;

namespace GbbTeamsBot.Tests.Participation;

/// <summary>
/// Participation through the real host (Azurite, real JWTs, the fake connector's member API on loopback): a late
/// colleague joins with one click, the moderator hands over, a guest (userRole "guest") gets no staff role and sees
/// the external view, someone from another tenant cannot join, a withdrawn consent stops the Helferkonferenz.
/// </summary>
public sealed class ParticipationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly TeamsUser Dora = new("29:d", "Person 4");
    private static readonly TeamsUser Guest = new("29:guest-jugendamt", "Frau Gast (Jugendamt)");
    private static readonly TeamsUser Stranger = new("29:other-tenant", "Herr Fremd");

    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _kb = new KbDriver(_host);
        _host.Connector.AddMember(Guest.Id, Guest.Name, userRole: "guest");
        _host.Connector.AddMember(Stranger.Id, Stranger.Name, userRole: "user", tenantId: "another-tenant");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_late_colleague_joins_with_one_click_and_can_contribute()
    {
        var (session, _) = await _kb.StartAsync(Place.Channel);

        // Before joining: the phase and "Teilnehmen", no input and nothing of the case's entries.
        var before = await _kb.ViewAsync(Dora, session);
        Assert.True(CardJson.HasVerb(before, CardVerbs.SessionJoin));
        Assert.False(CardJson.HasVerb(before, CardVerbs.ContributionAdd));
        Assert.Contains("Falleingabe", CardJson.Text(before), StringComparison.Ordinal);

        var joined = await _kb.ActAsync(Dora, before, CardVerbs.SessionJoin);

        Assert.False(CardJson.HasVerb(joined, CardVerbs.SessionJoin));
        Assert.True(CardJson.HasVerb(joined, CardVerbs.ContributionAdd));
        Assert.True(CardJson.HasVerb(joined, CardVerbs.SessionLeave));
        var stored = await _kb.LoadAsync(session, Place.Channel);
        var dora = Assert.Single(stored.State.Participants, p => p.Id == Dora.Id);
        Assert.Equal(ParticipantRole.Adviser, dora.Role);
        Assert.False(dora.IsExternal);
        var logged = Assert.Single(stored.State.ParticipationLog, c => c.ParticipantId == Dora.Id);
        Assert.Equal(ParticipationChangeKind.Joined, logged.Kind);
        Assert.True(logged.At > stored.State.CreatedAt);

        var asked = await _kb.ActAsync(Dora, joined, CardVerbs.ContributionAdd, new JsonObject { ["text"] = "Gibt es schon einen Termin beim Familienzentrum?" });

        Assert.Contains("Termin beim Familienzentrum", CardJson.Text(asked), StringComparison.Ordinal);
        var entry = Assert.Single((await _kb.LoadAsync(session, Place.Channel)).State.Contributions);
        Assert.Equal(Dora.Id, entry.AuthorId);

        // A second click on "Teilnehmen" changes nothing.
        var again = await _kb.ActAsync(Dora, before, CardVerbs.SessionJoin);
        Assert.Contains("bereits", CardJson.Text(again), StringComparison.Ordinal);
        Assert.Single((await _kb.LoadAsync(session, Place.Channel)).State.Participants, p => p.Id == Dora.Id);
    }

    [Fact]
    public async Task The_moderator_hands_over_the_moderation_and_the_new_moderator_runs_the_session()
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        Assert.True(CardJson.HasVerb(live, CardVerbs.RoleHandOver));

        var handed = await _kb.ActAsync(TeamsUser.Anna, live, CardVerbs.RoleHandOver, new JsonObject { ["handOverTo"] = TeamsUser.Carla.Id, ["handOverRole"] = "Moderation" });

        Assert.False(CardJson.HasVerb(handed, CardVerbs.SessionNext));
        var stored = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(ParticipantRole.Moderator, stored.State.Participants.Single(p => p.Id == TeamsUser.Carla.Id).Role);
        Assert.Equal(ParticipantRole.Adviser, stored.State.Participants.Single(p => p.Id == TeamsUser.Anna.Id).Role);
        Assert.Contains(stored.State.ParticipationLog, c => c.ParticipantId == TeamsUser.Carla.Id && c.Kind == ParticipationChangeKind.RoleChanged && c.Role == ParticipantRole.Moderator);

        var carla = await _kb.ViewAsync(TeamsUser.Carla, session);
        var next = await _kb.ActAsync(TeamsUser.Carla, carla, CardVerbs.SessionNext);
        Assert.Contains("Phase 2 von 5", CardJson.Text(next), StringComparison.Ordinal);

        // The former moderator has no controls any more, and the moderator's button pressed by her is refused.
        var anna = await _kb.ViewAsync(TeamsUser.Anna, session);
        Assert.False(CardJson.HasVerb(anna, CardVerbs.SessionNext));
        var refused = await _kb.ActAsync(TeamsUser.Anna, await _kb.ViewAsync(TeamsUser.Carla, session), CardVerbs.SessionNext);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.Equal(1, (await _kb.LoadAsync(session, Place.Channel)).State.CurrentPhaseIndex);
    }

    [Fact]
    public async Task A_guest_from_the_member_api_gets_no_staff_role_and_sees_only_the_external_view()
    {
        var (session, consent) = await StartHelferkonferenzAsync();
        var live = await _kb.ActAsync(TeamsUser.Anna, consent, CardVerbs.ConsentConfirm, ConsentInputs());
        live = await _kb.ActAsync(TeamsUser.Anna, live, CardVerbs.SessionNext);
        live = await _kb.ActAsync(TeamsUser.Anna, live, CardVerbs.SessionNext);
        Assert.Contains("Phase 3 von 6", CardJson.Text(live), StringComparison.Ordinal);
        await _kb.ActAsync(TeamsUser.Carla, await _kb.ViewAsync(TeamsUser.Carla, session), CardVerbs.ContributionAdd, new JsonObject
        {
            ["agency"] = "Schuldnerberatung Ost",
            ["mandate"] = "Budgetberatung intern",
            ["activities"] = "Interne Einschätzung der Kollegin",
        });

        // The guest joins with one click: Teams says "guest", so the Helferkonferenz's external role.
        var guestView = await _kb.ActAsync(Guest, await _kb.ViewAsync(Guest, session), CardVerbs.SessionJoin);
        var stored = await _kb.LoadAsync(session, Place.Channel);
        var guest = Assert.Single(stored.State.Participants, p => p.Id == Guest.Id);
        Assert.True(guest.IsExternal);
        Assert.Equal(ParticipantRole.ExternalProfessional, guest.Role);

        // No staff role for the guest: neither the moderation nor the protocol; nothing changes.
        var annaLive = await _kb.ViewAsync(TeamsUser.Anna, session);
        var moderation = await _kb.ActAsync(TeamsUser.Anna, annaLive, CardVerbs.RoleHandOver, new JsonObject { ["handOverTo"] = Guest.Id, ["handOverRole"] = "Moderation" });
        Assert.Contains("vorbehalten", CardJson.Text(moderation), StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(moderation), StringComparison.Ordinal);
        var protocol = await _kb.ActAsync(TeamsUser.Anna, annaLive, CardVerbs.RoleHandOver, new JsonObject { ["handOverTo"] = Guest.Id, ["handOverRole"] = "Protokoll" });
        Assert.Contains("vorbehalten", CardJson.Text(protocol), StringComparison.Ordinal);
        var unchanged = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(stored.Version, unchanged.Version);
        Assert.Equal(ParticipantRole.ExternalProfessional, unchanged.State.Participants.Single(p => p.Id == Guest.Id).Role);

        // The guest's own entry; their view shows it, but not the colleague's internal one, no other views, no controls.
        await _kb.ActAsync(Guest, guestView, CardVerbs.ContributionAdd, new JsonObject
        {
            ["agency"] = "Jugendamt Nord",
            ["mandate"] = "Hilfe zur Erziehung",
            ["activities"] = "Familienhilfe zweimal pro Woche",
        });
        var external = await _kb.ViewAsync(Guest, session);
        var text = CardJson.Text(external);
        Assert.Contains("Jugendamt Nord", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Schuldnerberatung Ost", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 2", text, StringComparison.Ordinal);
        Assert.Contains("Sie sehen, was Sie betrifft", text, StringComparison.Ordinal);
        Assert.False(CardJson.HasVerb(external, CardVerbs.SessionNext));
        Assert.False(CardJson.HasVerb(external, CardVerbs.RoleHandOver));
        Assert.Null(CardJson.Data(external, CardVerbs.ViewShow, "view", CardViews.HelperRound));
        Assert.Null(CardJson.Data(external, CardVerbs.ViewShow, "view", CardViews.ResourceMap));

        // Asking for another view (the round of all agencies, the protocol) still gives only the external view.
        var round = await _kb.ViewAsync(Guest, session, CardViews.HelperRound);
        Assert.DoesNotContain("Schuldnerberatung Ost", CardJson.Text(round), StringComparison.Ordinal);
        var record = await _kb.ViewAsync(Guest, session, CardViews.Protocol);
        Assert.DoesNotContain("Schuldnerberatung Ost", CardJson.Text(record), StringComparison.Ordinal);

        // The colleague's own view still has everything.
        Assert.Contains("Schuldnerberatung Ost", CardJson.Text(await _kb.ViewAsync(TeamsUser.Carla, session, CardViews.HelperRound)), StringComparison.Ordinal);

        // Commands from the guest get a short explanation, not the team's protocols.
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, Guest, Place.Channel, "protokolle"));
        var answer = await _kb.WaitForCardReplyAsync();
        Assert.Contains("als Gast", CardJson.Text(answer), StringComparison.Ordinal);
        Assert.DoesNotContain("Linde-3", CardJson.Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setup_card_offers_no_guest_for_a_role_and_a_forged_choice_stores_nothing()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "kb"));
        var setup = await _kb.WaitForCardReplyAsync();
        Assert.Contains("Person 3", CardJson.Text(setup), StringComparison.Ordinal);
        Assert.DoesNotContain(Guest.Name, CardJson.Text(setup), StringComparison.Ordinal);
        Assert.DoesNotContain(Stranger.Name, CardJson.Text(setup), StringComparison.Ordinal);

        var start = CardJson.RequireData(setup, CardVerbs.SessionStart);
        var answer = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, start, KbDriver.CardId, new JsonObject
        {
            ["method"] = "KollegialeBeratung",
            ["casePseudonym"] = "Ahorn-12",
            ["moderatorId"] = TeamsUser.Anna.Id,
            ["presenterId"] = TeamsUser.Ben.Id,
            ["adviserIds"] = Guest.Id,
        }));

        Assert.True(CardJson.HasVerb(answer, CardVerbs.SessionStart));
        Assert.Empty(await _host.Service<GbbTeamsBot.Application.TeamQueries>().ListSessionsAsync(TeamsHost.Tenant, "team:" + TeamsHost.TeamId));
    }

    [Fact]
    public async Task Teilnehmen_is_offered_on_the_consent_step_and_on_the_neighbourhood_round_too()
    {
        var (helfer, _) = await StartHelferkonferenzAsync();
        var consentStep = await _kb.ViewAsync(Dora, helfer);
        Assert.Contains("Einwilligung", CardJson.Text(consentStep), StringComparison.Ordinal);
        await _kb.ActAsync(Dora, consentStep, CardVerbs.SessionJoin);
        Assert.Equal(ParticipantRole.Adviser, (await _kb.LoadAsync(helfer, Place.Channel)).State.Participants.Single(p => p.Id == Dora.Id).Role);

        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "sozialraum"));
        var start = CardJson.RequireData(await _kb.WaitForCardReplyAsync(), CardVerbs.SessionStart);
        await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, start, KbDriver.CardId, new JsonObject
        {
            ["method"] = "SozialraumRunde",
            ["casePseudonym"] = "Nordstadt",
            ["moderatorId"] = TeamsUser.Anna.Id,
            ["adviserIds"] = TeamsUser.Ben.Id,
            ["plannedMinutes"] = "15",
            ["startNow"] = "true",
        }));
        var round = start["sessionId"]!.GetValue<string>();
        var roundView = await _kb.ViewAsync(Dora, round);
        var joined = await _kb.ActAsync(Dora, roundView, CardVerbs.SessionJoin);
        Assert.True(CardJson.HasVerb(joined, CardVerbs.ContributionAdd));

        // The shared round card (what everyone in the channel sees) offers it as well.
        var put = _host.Connector.Requests.Last(r => r.Method == "PUT").Json!["attachments"]![0]!["content"]!;
        Assert.True(CardJson.HasVerb(put, CardVerbs.SessionJoin));
    }

    [Fact]
    public async Task A_join_by_someone_from_another_tenant_is_refused_and_changes_nothing()
    {
        var (session, _) = await _kb.StartAsync(Place.Channel);
        var before = await _kb.LoadAsync(session, Place.Channel);

        var answer = await _kb.ActAsync(Stranger, await _kb.ViewAsync(Stranger, session), CardVerbs.SessionJoin);

        Assert.Contains("anderen Organisation", CardJson.Text(answer), StringComparison.Ordinal);
        var after = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(before.Version, after.Version);
        Assert.DoesNotContain(after.State.Participants, p => p.Id == Stranger.Id);
    }

    [Fact]
    public async Task When_the_member_api_fails_the_person_joins_as_external_never_as_staff()
    {
        var (session, _) = await _kb.StartAsync(Place.Channel);
        _host.Connector.UnknownMembers[Dora.Id] = true;

        await _kb.ActAsync(Dora, await _kb.ViewAsync(Dora, session), CardVerbs.SessionJoin);

        var dora = Assert.Single((await _kb.LoadAsync(session, Place.Channel)).State.Participants, p => p.Id == Dora.Id);
        Assert.True(dora.IsExternal);
        Assert.Equal(ParticipantRole.Guest, dora.Role);
    }

    [Fact]
    public async Task A_withdrawn_consent_stops_the_Helferkonferenz_from_starting_again()
    {
        var (session, consent) = await StartHelferkonferenzAsync();
        var live = await _kb.ActAsync(TeamsUser.Anna, consent, CardVerbs.ConsentConfirm, ConsentInputs());
        Assert.Contains("Phase 1 von 6", CardJson.Text(live), StringComparison.Ordinal);
        await _kb.ActAsync(Guest, await _kb.ViewAsync(Guest, session), CardVerbs.SessionJoin);

        // The consent record: giver by role, agencies (chosen plus free entries), purpose, validity, participation.
        var recorded = (await _kb.LoadAsync(session, Place.Channel)).State.Consent!;
        Assert.Equal(["Jugendamt Nord", "Familienzentrum Linde"], recorded.Agencies);
        Assert.Equal("Hilfen abstimmen", recorded.Purpose);
        Assert.True(recorded.PersonTakesPart);
        Assert.Equal(ValidUntil, DateOnly.FromDateTime(recorded.ValidUntil.UtcDateTime));
        var consentView = await _kb.ViewAsync(TeamsUser.Anna, session, CardViews.Consent);
        Assert.Contains("Jugendamt Nord, Familienzentrum Linde", CardJson.Text(consentView), StringComparison.Ordinal);

        var withdrawn = await _kb.ActAsync(TeamsUser.Anna, consentView, CardVerbs.ConsentWithdraw);

        Assert.Contains("widerrufen", CardJson.Text(withdrawn), StringComparison.Ordinal);
        var paused = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(SessionStatus.Paused, paused.Status);
        Assert.NotNull(paused.State.Consent!.WithdrawnAt);
        Assert.Equal(TeamsUser.Anna.Id, paused.State.Consent.WithdrawnById);

        // Resume is refused and changes nothing.
        var annaLive = await _kb.ViewAsync(TeamsUser.Anna, session);
        var resume = await _kb.ActAsync(TeamsUser.Anna, annaLive, CardVerbs.SessionResume);
        Assert.Contains("Einwilligung wurde widerrufen", CardJson.Text(resume), StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert.", CardJson.Text(resume), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Paused, (await _kb.LoadAsync(session, Place.Channel)).Status);

        // The withdrawn consent is not used again: confirming it once more is refused.
        var reuse = CardJson.RequireData(consent, CardVerbs.ConsentConfirm);
        reuse["expectedVersion"] = paused.Version;
        reuse["requestId"] = Guid.NewGuid().ToString("N");
        var again = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, reuse, KbDriver.CardId, ConsentInputs()));
        Assert.Contains("Einwilligung wurde widerrufen", CardJson.Text(again), StringComparison.Ordinal);
        var after = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(paused.Version, after.Version);
        Assert.Equal(SessionStatus.Paused, after.Status);

        // The agency's guest no longer sees anything of the case.
        var guestView = CardJson.Text(await _kb.ViewAsync(Guest, session));
        Assert.Contains("widerrufen", guestView, StringComparison.Ordinal);
        Assert.DoesNotContain("Phase", guestView, StringComparison.Ordinal);
    }

    /// <summary>A chosen "gültig bis" three months ahead (within the year a consent may last).</summary>
    private static readonly DateOnly ValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90);

    private static JsonObject ConsentInputs() => new()
    {
        ["consent"] = "true",
        ["release"] = "true",
        ["consentGivenBy"] = "Person",
        ["consentAgencies"] = "Jugendamt Nord",
        ["consentOtherAgencies"] = "Familienzentrum Linde",
        ["consentPurpose"] = "Hilfen abstimmen",
        ["consentValidUntil"] = ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["consentPersonTakesPart"] = "true",
    };

    private async Task<(string SessionId, JsonObject ConsentCard)> StartHelferkonferenzAsync()
    {
        _host.Connector.Clear();
        await _host.PostAsync(Activities.Message(_host, TeamsUser.Anna, Place.Channel, "helferkonferenz"));
        var setup = await _kb.WaitForCardReplyAsync();
        var start = CardJson.RequireData(setup, CardVerbs.SessionStart);
        var card = await _host.InvokeAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, start, KbDriver.CardId, new JsonObject
        {
            ["method"] = "Helferkonferenz",
            ["casePseudonym"] = "Linde-3",
            ["moderatorId"] = TeamsUser.Anna.Id,
            ["presenterId"] = TeamsUser.Ben.Id,
            ["adviserIds"] = TeamsUser.Carla.Id,
            ["startNow"] = "true",
        }));
        return (start["sessionId"]!.GetValue<string>(), card);
    }
}
