using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Application;
using Microsoft.Extensions.Time.Testing;
using static GbbTeamsBot.Tests.Application.Scenario;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>
/// Records that outlive a session (consent here; agreements and protocols take the same path) are written through an
/// outbox row stored in the session's own save: a storage fault right after the save, and a restart, lose nothing.
/// </summary>
[Collection(ApplicationCollection.Name)]
public sealed class OutlivingRecordsOutboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Consent_whose_write_failed_after_the_save_is_written_by_the_replay_after_a_restart_exactly_once()
    {
        var clock = new FakeTimeProvider(T0);
        var prefix = EngineInstance.NewTablePrefix();
        var faults = new StorageFaults();
        SessionAddress address;
        await using (var crashed = new EngineInstance(azurite.ConnectionString, prefix, clock, "app-1", configureServices: s => faults.Install(s, azurite.ConnectionString)))
        {
            var created = await crashed.Sessions.CreateAsync(Setup(NewTeam(), MethodIds.Helferkonferenz));
            address = created.Address();

            // The session (with the consent) is saved; the consent's own row then meets a storage fault.
            faults.FailNext(1, m => m.Request.Uri.ToString().Contains("Consents", StringComparison.Ordinal) && m.Request.Method != Azure.Core.RequestMethod.Get);
            var recorded = await crashed.Sessions.OkAsync(address, new RecordConsent(Mod, ValidConsent(clock.GetUtcNow())));
            Assert.NotNull(recorded.Session!.State.Consent);
            Assert.Equal(1, faults.Injected);
            Assert.Empty(await crashed.Get<ConsentRepository>().ListForSubjectAsync(address.Scope, address.SessionId));
            Assert.DoesNotContain(crashed.Logs, l => l.Contains(Mod, StringComparison.Ordinal) && l.Contains("Consent", StringComparison.Ordinal));
        }

        // Another process starts; the row is left to the saving instance for the replay delay, then replayed.
        await using var restarted = new EngineInstance(azurite.ConnectionString, prefix, clock, "app-2");
        var replay = restarted.Get<OutboxReplayService>();
        Assert.Equal(0, (await replay.ReplayOnceAsync(CancellationToken.None)).Due);
        clock.Advance(TimeSpan.FromMinutes(1));
        var report = await replay.ReplayOnceAsync(CancellationToken.None);

        Assert.Equal(new OutboxReplayReport(1, 1, 0), report);
        var consents = await restarted.Get<ConsentRepository>().ListForSubjectAsync(address.Scope, address.SessionId);
        Assert.Contains(consents, c => c.Purpose == OutlivingRecords.ConsultationConsentPurpose && c.Granted && c.UserId == Mod);
        Assert.Contains(consents, c => c.Purpose == OutlivingRecords.ConfidentialityReleasePurpose);

        // Done means done: the row is gone, a further run finds nothing, and nothing was doubled.
        Assert.Equal(0, (await replay.ReplayOnceAsync(CancellationToken.None)).Due);
        Assert.Equal(consents.Count, (await restarted.Get<ConsentRepository>().ListForSubjectAsync(address.Scope, address.SessionId)).Count);
    }

    [Fact]
    public async Task Outbox_row_goes_with_the_save_and_is_removed_once_the_records_are_written()
    {
        var clock = new FakeTimeProvider(T0);
        await using var engine = new EngineInstance(azurite.ConnectionString, EngineInstance.NewTablePrefix(), clock, "app-1");
        var created = await engine.Sessions.CreateAsync(Setup(NewTeam(), MethodIds.Helferkonferenz));
        var address = created.Address();

        await engine.Sessions.OkAsync(address, new RecordConsent(Mod, ValidConsent(clock.GetUtcNow())));

        Assert.Empty(await engine.Get<SessionRepository>().ListDueOutboxAsync(clock.GetUtcNow().AddDays(1), 10));
        Assert.NotEmpty(await engine.Get<ConsentRepository>().ListForSubjectAsync(address.Scope, address.SessionId));
    }
}
