using System.Text.Json;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>
/// Rows stored by the previous, hand-written Table client stay readable: the committed fixture holds the entity JSON it
/// sent (Fixtures/PreviousWireFormat), which is posted to Azurite over plain HTTP and read through today's repositories.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PreviousWireFormatTests(AzuriteFixture azurite)
{
    // The values the fixture was written with (see Fixtures/PreviousWireFormat/README.md).
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 21, 10, 42, 13, 123, TimeSpan.Zero).AddTicks(4567);
    private static readonly TeamScope Scope = new("72f988bf-86f1-41af-91ab-2d7cd011db47", "19:Team|Beratung@thread.tacv2");
    private static readonly string LargeSnapshot = "{\"phase\":\"ideas\",\"text\":\"" + string.Concat(Enumerable.Repeat("Fallberatung – Übergänge, Maßnahmen 😀 ", 1200)) + "\"}";

    private readonly StorageTables _tables = new(new TableServiceClient(azurite.ConnectionString), "Old" + Guid.NewGuid().ToString("N")[..10]);

    private async Task<RawTableWriter> StoreFixtureAsync()
    {
        await _tables.EnsureCreatedAsync();
        var raw = new RawTableWriter(azurite.Azurite.TableEndpoint);
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "PreviousWireFormat");
        var files = Directory.GetFiles(folder, "*.json");
        Assert.Equal(10, files.Length);
        foreach (var file in files)
        {
            var table = Path.GetFileName(file).Split('-')[0];
            await raw.InsertAsync(_tables.AllNames.Single(n => n.EndsWith(table, StringComparison.Ordinal)), await File.ReadAllTextAsync(file));
        }

        return raw;
    }

    [Fact]
    public async Task A_session_with_an_Int64_version_and_snapshot_chunks_and_its_contribution_read_as_written()
    {
        using var _ = await StoreFixtureAsync();
        var sessions = new SessionRepository(_tables);

        var stored = await sessions.GetAsync(Scope, "sess-0001");
        var summary = Assert.Single(await sessions.ListAsync(Scope));
        var contribution = Assert.Single(await sessions.GetContributionsAsync(Scope, "sess-0001"));

        Assert.NotNull(stored);
        Assert.Equal(5_000_000_000L, stored.Session.Version);
        Assert.Equal("running", stored.Session.Status);
        Assert.Equal("FALL-0815", stored.Session.CaseReference);
        Assert.Equal(T0.AddMinutes(2), stored.Session.UpdatedAt);
        Assert.Equal(LargeSnapshot, stored.Session.SnapshotJson);
        Assert.Equal(5_000_000_000L, summary.Version);
        Assert.Equal(stored.ETag, summary.ETag);
        Assert.Equal(new ContributionRecord("sess-0001", "c-1", "idea", "aad-user-1", "{\"text\":\"Idee: Träger anrufen\"}", T0.AddMinutes(1)), contribution);
    }

    [Fact]
    public async Task A_session_saved_again_by_the_new_code_keeps_the_property_names_and_EDM_types()
    {
        using var raw = await StoreFixtureAsync();
        var sessions = new SessionRepository(_tables);
        var stored = (await sessions.GetAsync(Scope, "sess-0001"))!;

        await sessions.SaveAsync(Scope, stored.Session with { Version = stored.Session.Version + 1 }, stored.ETag);
        using var json = JsonDocument.Parse(await raw.GetFullMetadataAsync(_tables.Sessions, Scope.PartitionKey, "session|sess-0001"));
        var row = json.RootElement;

        Assert.Equal("Edm.Int64", row.GetProperty("Version@odata.type").GetString());
        Assert.Equal("5000000001", row.GetProperty("Version").GetString());
        Assert.Equal("Edm.DateTime", row.GetProperty("UpdatedAt@odata.type").GetString());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("SnapshotParts").ValueKind);
        Assert.Equal(LargeSnapshot, row.GetProperty("Snapshot0").GetString() + row.GetProperty("Snapshot1").GetString());
        Assert.Equal("Session", row.GetProperty("RowType").GetString());
        Assert.Equal(Scope.TeamId, row.GetProperty("TeamId").GetString());
    }

    [Fact]
    public async Task Agreement_protocol_consent_and_conversation_reference_rows_read_as_written()
    {
        using var _ = await StoreFixtureAsync();

        var agreement = await new AgreementRepository(_tables).GetAsync(Scope, "FALL-0815", "a-1");
        var protocol = await new ProtocolRepository(_tables).GetLatestAsync(Scope, "sess-0001");
        var consent = await new ConsentRepository(_tables).GetAsync(Scope, "sess-0001", "case-consultation", "aad-user-1");
        var reference = await new ConversationReferenceRepository(_tables).GetAsync(Scope, "19:Team|Beratung@thread.tacv2;messageid=1732183333");

        Assert.Equal(new AgreementRecord("FALL-0815", "a-1", "sess-0001", "open", "{\"text\":\"Termin vereinbaren\",\"owner\":\"aad-user-2\"}", T0.AddDays(7), T0.AddMinutes(3)), agreement!.Agreement);
        Assert.Equal(new ProtocolRecord("sess-0001", 2, "FALL-0815", "# Protokoll\n\nErgebnis: Maßnahme „Bewerbungstraining“.", T0.AddMinutes(4)), protocol);
        Assert.Equal(new ConsentRecord("sess-0001", "case-consultation", "aad-user-1", true, T0.AddMinutes(5), "2026-10"), consent);
        Assert.Equal(
            new ConversationReferenceRecord("19:Team|Beratung@thread.tacv2;messageid=1732183333", "https://smba.trafficmanager.net/emea/", "28:bot-id", "GBB Bot", "msteams", "channel", T0, Scope.TenantId, Scope.TeamId),
            reference);
    }

    [Fact]
    public async Task A_claimed_deadline_row_is_listed_once_its_lease_ran_out_and_can_be_claimed_again()
    {
        using var _ = await StoreFixtureAsync();
        var deadlines = new DeadlineIndexRepository(_tables);

        var underLease = await deadlines.ListDueAsync(T0.AddMinutes(14), T0.AddMinutes(15).AddSeconds(10));
        var due = Assert.Single(await deadlines.ListDueAsync(T0.AddMinutes(14), T0.AddMinutes(16)));
        var claimed = await deadlines.TryClaimAsync(due, "host-b", T0.AddMinutes(16), TimeSpan.FromSeconds(30));

        Assert.Empty(underLease);
        Assert.Equal(new DeadlineRecord(Scope.TenantId, Scope.TeamId, "sess-0001", "tok-7", T0.AddMinutes(15)), due.Deadline);
        Assert.Equal("host-a-1234", due.ClaimedBy);
        Assert.Equal(T0.AddMinutes(15).AddSeconds(30), due.ClaimedUntil);
        Assert.Equal("host-b", claimed!.ClaimedBy);
    }

    [Fact]
    public async Task Activity_rows_keep_deciding_repeats_and_old_command_request_rows_go_with_the_purge_once_expired()
    {
        using var _ = await StoreFixtureAsync();
        var idempotency = new IdempotencyRepository(_tables);

        var activityAgain = await idempotency.TryRegisterAsync(Scope, "activity", "1732183333-abc", T0.AddHours(1), TimeSpan.FromHours(24));
        var beforeExpiry = await idempotency.PurgeExpiredAsync(T0.AddHours(1), 100);
        var afterExpiry = await idempotency.PurgeExpiredAsync(T0.AddDays(2), 100);

        // Card actions' request ids now live in their session's partition; the old "!cmd|" rows are read by nothing.
        Assert.False(activityAgain);
        Assert.Equal(0, beforeExpiry.Deleted);
        var table = await _tables.GetAsync(_tables.Idempotency, CancellationToken.None);
        var left = await table.QueryAsync().Select(e => e.RowKey).ToListAsync();
        Assert.DoesNotContain(left, rk => rk.StartsWith("!cmd|", StringComparison.Ordinal));
        Assert.True(afterExpiry.Deleted >= 2, $"{afterExpiry.Deleted} rows purged");
    }
}
