using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RecordRepositoriesTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    [Fact]
    public async Task Agreements_are_listed_per_case_and_per_status_and_updates_need_the_current_etag()
    {
        var agreements = new AgreementRepository(Tables);
        var open = new AgreementRecord("FALL-1", "a1", "s1", "open", "{\"text\":\"Termin vereinbaren\"}", Now.AddDays(7), Now);
        var etag = await agreements.InsertAsync(TeamA, open);
        await agreements.InsertAsync(TeamA, open with { AgreementId = "a2", Status = "done", DueAt = null });
        await agreements.InsertAsync(TeamA, open with { CaseReference = "FALL-10", AgreementId = "a1" });

        var newEtag = await agreements.UpdateAsync(TeamA, open with { Status = "done" }, etag);
        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => agreements.UpdateAsync(TeamA, open with { Status = "cancelled" }, etag));
        await Assert.ThrowsAsync<TableConflictException>(() => agreements.InsertAsync(TeamA, open));

        var forCase = await agreements.ListForCaseAsync(TeamA, "FALL-1");
        var stillOpen = await agreements.ListForTeamAsync(TeamA, "open");
        Assert.Equal(["a1", "a2"], forCase.Select(a => a.Agreement.AgreementId));
        Assert.Equal("done", forCase[0].Agreement.Status);
        Assert.Equal(newEtag, forCase[0].ETag);
        Assert.Equal(Now.AddDays(7), forCase[0].Agreement.DueAt);
        Assert.Null(forCase[1].Agreement.DueAt);
        Assert.Equal("FALL-10", Assert.Single(stillOpen).Agreement.CaseReference);
    }

    [Fact]
    public async Task Protocol_versions_are_insert_only_and_the_latest_comes_first()
    {
        var protocols = new ProtocolRepository(Tables);
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s1", 1, "FALL-1", "# v1", Now));
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s1", 2, "FALL-1", "# v2", Now.AddMinutes(1)));
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s1", 10, "FALL-1", "# v10", Now.AddMinutes(2)));
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s11", 1, null, "# other", Now));

        var overwrite = await Assert.ThrowsAsync<TableConflictException>(() => protocols.AddVersionAsync(TeamA, new ProtocolRecord("s1", 2, "FALL-1", "# forged", Now)));

        Assert.Equal("EntityAlreadyExists", overwrite.ErrorCode);
        Assert.Equal("# v10", (await protocols.GetLatestAsync(TeamA, "s1"))!.Content);
        Assert.Equal("# v2", (await protocols.GetVersionAsync(TeamA, "s1", 2))!.Content);
        Assert.Equal([10, 2, 1], (await protocols.ListVersionsAsync(TeamA, "s1")).Select(p => p.Version));
        Assert.Null(await protocols.GetLatestAsync(TeamA, "s2"));
    }

    [Fact]
    public async Task Consent_records_keep_the_latest_decision_per_person_and_purpose()
    {
        var consents = new ConsentRepository(Tables);
        await consents.RecordAsync(TeamA, new ConsentRecord("s1", "protocol", "user-1", true, Now, "v1"));
        await consents.RecordAsync(TeamA, new ConsentRecord("s1", "protocol", "user-1", false, Now.AddMinutes(5), "v1"));
        await consents.RecordAsync(TeamA, new ConsentRecord("s1", "protocol", "user-2", true, Now, null));

        var latest = await consents.GetAsync(TeamA, "s1", "protocol", "user-1");
        var all = await consents.ListForSubjectAsync(TeamA, "s1");

        Assert.False(latest!.Granted);
        Assert.Equal(Now.AddMinutes(5), latest.RecordedAt);
        Assert.Equal(2, all.Count);
        Assert.Null(all.Single(c => c.UserId == "user-2").NoticeVersion);
    }

    [Fact]
    public async Task Conversation_references_round_trip_and_refresh()
    {
        var references = new ConversationReferenceRepository(Tables);
        var reference = new ConversationReferenceRecord("19:abc@thread.tacv2;messageid=1", "https://smba.trafficmanager.net/emea/", "28:bot-id", "GBB Bot", "19:abc@thread.tacv2", "channel", Now);
        await references.SaveAsync(TeamA, reference);
        await references.SaveAsync(TeamA, reference with { ServiceUrl = "https://smba.trafficmanager.net/de/", UpdatedAt = Now.AddHours(1) });

        var read = await references.GetAsync(TeamA, reference.ConversationId);

        Assert.Equal(reference with { ServiceUrl = "https://smba.trafficmanager.net/de/", UpdatedAt = Now.AddHours(1) }, read);
        Assert.Single(await references.ListAsync(TeamA));
        await Assert.ThrowsAsync<ArgumentException>(() => references.SaveAsync(TeamA, reference with { ServiceUrl = "not a url" }));
        await references.DeleteAsync(TeamA, reference.ConversationId);
        Assert.Null(await references.GetAsync(TeamA, reference.ConversationId));
    }

    [Fact]
    public async Task Idempotency_registers_an_id_once_until_it_expires()
    {
        var idempotency = new IdempotencyRepository(Tables);
        var ttl = TimeSpan.FromMinutes(10);

        var first = await idempotency.TryRegisterAsync(TeamA, "activity", "act-1", Now, ttl);
        var repeat = await idempotency.TryRegisterAsync(TeamA, "activity", "act-1", Now.AddMinutes(5), ttl);
        var otherKind = await idempotency.TryRegisterAsync(TeamA, "request", "act-1", Now, ttl);
        var afterExpiry = await idempotency.TryRegisterAsync(TeamA, "activity", "act-1", Now.AddMinutes(11), ttl);
        var repeatAfterTakeover = await idempotency.TryRegisterAsync(TeamA, "activity", "act-1", Now.AddMinutes(12), ttl);

        Assert.Equal([true, false, true, true, false], new[] { first, repeat, otherKind, afterExpiry, repeatAfterTakeover });
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_id_let_exactly_one_through()
    {
        var idempotency = new IdempotencyRepository(Tables);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => idempotency.TryRegisterAsync(TeamA, "activity", "burst", Now, TimeSpan.FromMinutes(1))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Purge_removes_only_expired_idempotency_records()
    {
        var idempotency = new IdempotencyRepository(Tables);
        await idempotency.TryRegisterAsync(TeamA, "activity", "old", Now, TimeSpan.FromMinutes(1));
        await idempotency.TryRegisterAsync(TeamA, "activity", "fresh", Now, TimeSpan.FromHours(1));

        var purged = await idempotency.PurgeExpiredAsync(TeamA, Now.AddMinutes(2));

        Assert.Equal(1, purged);
        Assert.True(await idempotency.TryRegisterAsync(TeamA, "activity", "old", Now.AddMinutes(2), TimeSpan.FromMinutes(1)));
        Assert.False(await idempotency.TryRegisterAsync(TeamA, "activity", "fresh", Now.AddMinutes(2), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Deleting_a_case_reference_removes_its_sessions_agreements_protocols_and_consents_only()
    {
        var sessions = new SessionRepository(Tables);
        var agreements = new AgreementRepository(Tables);
        var protocols = new ProtocolRepository(Tables);
        var consents = new ConsentRepository(Tables);
        var retention = new StorageRetention(sessions, protocols, agreements, consents);
        await sessions.CreateAsync(TeamA, Session("s1", caseReference: "FALL-1"), [Contribution("s1", "c1")]);
        await sessions.CreateAsync(TeamA, Session("s2", caseReference: "FALL-2"), [Contribution("s2", "c1")]);
        await agreements.InsertAsync(TeamA, new AgreementRecord("FALL-1", "a1", "s1", "open", "{}", null, Now));
        await agreements.InsertAsync(TeamA, new AgreementRecord("FALL-2", "a1", "s2", "open", "{}", null, Now));
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s1", 1, "FALL-1", "# p", Now));
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s9", 1, "FALL-1", "# follow-up naming the case", Now));
        await protocols.AddVersionAsync(TeamA, new ProtocolRecord("s2", 1, "FALL-2", "# p", Now));
        await consents.RecordAsync(TeamA, new ConsentRecord("s1", "protocol", "u1", true, Now, null));
        await consents.RecordAsync(TeamA, new ConsentRecord("s2", "protocol", "u1", true, Now, null));

        var report = await retention.DeleteCaseReferenceAsync(TeamA, "FALL-1");

        Assert.Equal(new DeletionReport(SessionRows: 2, Protocols: 2, Agreements: 1, Consents: 1), report);
        Assert.Null(await sessions.GetAsync(TeamA, "s1"));
        Assert.Empty(await agreements.ListForCaseAsync(TeamA, "FALL-1"));
        Assert.Null(await protocols.GetLatestAsync(TeamA, "s9"));
        Assert.Empty(await consents.ListForSubjectAsync(TeamA, "s1"));
        Assert.NotNull(await sessions.GetAsync(TeamA, "s2"));
        Assert.Single(await sessions.GetContributionsAsync(TeamA, "s2"));
        Assert.Single(await agreements.ListForCaseAsync(TeamA, "FALL-2"));
        Assert.NotNull(await protocols.GetLatestAsync(TeamA, "s2"));
        Assert.Single(await consents.ListForSubjectAsync(TeamA, "s2"));
    }
}
