using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RetentionStorageTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    [Fact]
    public async Task Ended_sessions_before_the_cutoff_are_found_in_every_team_and_open_or_recent_ones_are_not()
    {
        var sessions = new SessionRepository(Tables);
        var old = Now.AddMonths(-30);
        await sessions.CreateAsync(TeamA, Session("a-old-done", status: "Completed") with { UpdatedAt = old });
        await sessions.CreateAsync(TeamB, Session("b-old-cancelled", status: "Cancelled", caseReference: null) with { UpdatedAt = old });
        await sessions.CreateAsync(TeamA, Session("a-old-running", status: "Running") with { UpdatedAt = old });
        await sessions.CreateAsync(TeamA, Session("a-recent-done", status: "Completed") with { UpdatedAt = Now.AddMonths(-3) });
        await sessions.CreateAsync(TeamA, Session("a-old-done-2", status: "Completed") with { UpdatedAt = old }, [Contribution("a-old-done-2", "c1")]);

        var due = await sessions.ListEndedBeforeAsync(Now.AddMonths(-24)).ToListAsync();

        Assert.Equal(["a-old-done", "a-old-done-2", "b-old-cancelled"], due.Select(d => d.SessionId).Order(StringComparer.Ordinal));
        Assert.Equal(TeamB, Assert.Single(due, d => d.SessionId == "b-old-cancelled").Scope);
        Assert.Equal("FALL-0815", Assert.Single(due, d => d.SessionId == "a-old-done").CaseReference);
        Assert.Equal(old, due[0].EndedAt);
    }

    [Fact]
    public async Task Deleting_a_session_takes_the_agreements_made_in_it_and_leaves_the_cases_other_agreements()
    {
        var sessions = new SessionRepository(Tables);
        var agreements = new AgreementRepository(Tables);
        var retention = new StorageRetention(sessions, new ProtocolRepository(Tables), agreements, new ConsentRepository(Tables));
        await sessions.CreateAsync(TeamA, Session("s1", status: "Completed"));
        await agreements.InsertAsync(TeamA, new AgreementRecord("FALL-0815", "a1", "s1", "done", "{}", null, Now));
        await agreements.InsertAsync(TeamA, new AgreementRecord("FALL-0815", "a2", "s2", "open", "{}", null, Now));

        var report = await retention.DeleteSessionAsync(TeamA, "s1");

        Assert.Equal(1, report.Agreements);
        Assert.Equal("a2", Assert.Single(await agreements.ListForCaseAsync(TeamA, "FALL-0815")).Agreement.AgreementId);
        Assert.Null(await sessions.GetAsync(TeamA, "s1"));
    }

    [Fact]
    public async Task The_deletion_log_keeps_counts_and_a_fingerprint_but_no_case_reference_and_stays_in_its_team()
    {
        var log = new DeletionLogRepository(Tables);
        var fingerprint = DeletionLogRepository.Fingerprint(TeamA, "Ahorn-07");
        await log.AddAsync(TeamA, new DeletionLogEntry(Now, DeletionReason.CaseRequest, "29:a", fingerprint, new DeletionReport(3, 2, 1, 0)));
        await log.AddAsync(TeamA, new DeletionLogEntry(Now.AddDays(1), DeletionReason.Retention, null, null, new DeletionReport(1, 0, 0, 0)));

        var entries = await log.ListAsync(TeamA);
        var raw = await Tables.GetAsync(Tables.DeletionLog, CancellationToken.None);
        var stored = await raw.QueryAsync().ToListAsync();

        Assert.Equal([DeletionReason.Retention, DeletionReason.CaseRequest], entries.Select(e => e.Reason));
        Assert.Equal(new DeletionReport(3, 2, 1, 0), entries[1].Counts);
        Assert.Equal("29:a", entries[1].RequestedBy);
        Assert.Equal(fingerprint, entries[1].CaseFingerprint);
        Assert.Equal(32, fingerprint.Length);
        Assert.NotEqual(fingerprint, DeletionLogRepository.Fingerprint(TeamB, "Ahorn-07"));
        Assert.DoesNotContain(stored.SelectMany(e => e), p => p.Value is string s && s.Contains("Ahorn", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await log.ListAsync(TeamB));
    }
}
