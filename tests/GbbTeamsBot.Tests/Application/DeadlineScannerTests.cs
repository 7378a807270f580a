using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;
using static GbbTeamsBot.Tests.Application.Scenario;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Tests.Application;

/// <summary>The durable deadline scanner with a fake clock against a real Azurite.</summary>
[Collection(ApplicationCollection.Name)]
public sealed class DeadlineScannerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly string _prefix = EngineInstance.NewTablePrefix();
    private readonly List<EngineInstance> _engines = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task Phase_warning_and_phase_end_fire_once_on_time_and_notify_after_saving()
    {
        var engine = Engine("host-a");
        var address = await StartedAsync(engine, MethodIds.KollegialeBeratung);
        await engine.StartScannerAsync();
        await ScannerWait.FirstScanAsync(engine.Scanner);

        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(59), engine.Scanner);
        Assert.Empty(engine.Notifier.Deadlines(address.SessionId));

        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(1), engine.Scanner); // 9:00, one minute before the phase ends
        var warning = Assert.Single(engine.Notifier.Deadlines(address.SessionId));
        Assert.Equal((SessionEventKind.PhaseWarning, 0, false, ChangeSource.Deadline), (warning.Kind!.Value, warning.PhaseIndex!.Value, warning.Late, warning.Source));
        var stored = (await engine.Sessions.GetAsync(address))!;
        Assert.Equal(warning.Version, stored.Version);
        Assert.True(stored.State.Phases[0].WarningFired);

        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(1), engine.Scanner); // 10:00, phase end
        for (var i = 0; i < 5; i++)
        {
            await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(20), engine.Scanner);
        }

        var fired = engine.Notifier.Deadlines(address.SessionId);
        Assert.Equal([SessionEventKind.PhaseWarning, SessionEventKind.PhaseOverdue], fired.Select(n => n.Kind!.Value));
        stored = (await engine.Sessions.GetAsync(address))!;
        Assert.Equal(2, stored.State.DeadlineLog.Count);
        Assert.All(stored.State.DeadlineLog, d => Assert.False(d.Late));
        Assert.True(stored.State.Phases[0].Overdue);
        Assert.Equal(0, stored.State.CurrentPhaseIndex);
        Assert.Equal(DeadlineKind.SessionEndWarning, stored.NextDeadline!.Kind);
    }

    [Fact]
    public async Task With_auto_advance_the_session_moves_on_by_itself_and_the_team_is_told()
    {
        var engine = Engine("host-a");
        var address = await StartedAsync(engine, MethodIds.KollegialeBeratung, new SessionOptions { AutoAdvance = true });
        await engine.StartScannerAsync();
        await ScannerWait.FirstScanAsync(engine.Scanner);

        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(9), engine.Scanner);
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(1), engine.Scanner);

        var stored = (await engine.Sessions.GetAsync(address))!;
        Assert.Equal(1, stored.State.CurrentPhaseIndex);
        var advanced = Assert.Single(engine.Notifier.Calls, c => c.Method == nameof(ISessionNotifier.OnAutoAdvancedAsync));
        Assert.Equal(1, advanced.PhaseIndex);
        Assert.Equal(DeadlineKind.PhaseWarning, stored.NextDeadline!.Kind);
        Assert.Equal(1, stored.NextDeadline.PhaseIndex);
    }

    [Fact]
    public async Task A_stale_index_row_is_removed_without_any_effect_and_an_early_phase_change_reschedules()
    {
        var engine = Engine("host-a");
        var address = await StartedAsync(engine, MethodIds.KollegialeBeratung);
        var initial = (await engine.Sessions.GetAsync(address))!.NextDeadline!;

        // The moderator moves on after two minutes: the phase-0 deadline is replaced by phase 1's.
        _clock.Advance(TimeSpan.FromMinutes(2));
        var moved = await engine.Sessions.OkAsync(address, new AdvancePhase(Mod));
        Assert.Equal(1, moved.Session!.NextDeadline!.PhaseIndex);

        // A crash between indexing and cleaning up could leave the old row behind: put it back by hand.
        var index = engine.Get<DeadlineIndexRepository>();
        await index.ScheduleAsync(address.Scope, address.SessionId, initial.Token, initial.DueAt);

        await engine.StartScannerAsync();
        await ScannerWait.FirstScanAsync(engine.Scanner);
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(7) + TimeSpan.FromSeconds(30), engine.Scanner); // 9:30

        var stored = (await engine.Sessions.GetAsync(address))!;
        Assert.DoesNotContain(stored.State.DeadlineLog, d => d.PhaseIndex == 0);
        Assert.DoesNotContain(engine.Notifier.Deadlines(address.SessionId), n => n.PhaseIndex == 0);
        Assert.True(engine.Scanner.Totals.Stale >= 1);
        Assert.Empty(await index.ListDueAsync(initial.DueAt.AddMinutes(-1), initial.DueAt.AddMinutes(1)));

        // Phase 1 (5 minutes from 2:00) warned at 6:00 and ended at 7:00: both fired by the scan at 9:30, once each.
        Assert.Equal(
            [(DeadlineKind.PhaseWarning, 1), (DeadlineKind.PhaseEnd, 1)],
            stored.State.DeadlineLog.Select(d => (d.Kind, d.PhaseIndex)));
    }

    [Fact]
    public async Task After_a_restart_missed_deadlines_fire_once_marked_late_and_never_again()
    {
        var data = Directory.CreateTempSubdirectory("gbb-engine-restart-");
        var storage = await AzuriteTableService.StartAsync(dataFolder: data.FullName);
        try
        {
            SessionAddress address;
            await using (var before = new EngineInstance(storage.ConnectionString, _prefix, _clock, "host-before"))
            {
                address = await StartedAsync(before, MethodIds.KollegialeBeratung);
                await before.StartScannerAsync();
                await ScannerWait.FirstScanAsync(before.Scanner);
                await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(5), before.Scanner);
                Assert.Empty(before.Notifier.Deadlines(address.SessionId));
            }

            // Host and storage are down while the phase's warning (9:00) and end (10:00) pass.
            await storage.StopAsync();
            _clock.Advance(TimeSpan.FromMinutes(7));
            await storage.StartAgainAsync();

            var after = new EngineInstance(storage.ConnectionString, _prefix, _clock, "host-after");
            _engines.Add(after);
            await after.StartScannerAsync();
            await ScannerWait.FirstScanAsync(after.Scanner);
            await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(5), after.Scanner);

            var stored = (await after.Sessions.GetAsync(address))!;
            Assert.Equal(
                [(DeadlineKind.PhaseWarning, true), (DeadlineKind.PhaseEnd, true)],
                stored.State.DeadlineLog.Select(d => (d.Kind, d.Late)));
            Assert.True(stored.State.Phases[0].Overdue);

            // The superseded warning is not announced; the overdue phase is, once, marked late.
            var notified = after.Notifier.Deadlines(address.SessionId);
            var overdue = Assert.Single(notified);
            Assert.Equal((SessionEventKind.PhaseOverdue, true), (overdue.Kind!.Value, overdue.Late));
            Assert.Single(after.Notifier.Calls, c => c.Method == nameof(ISessionNotifier.OnStateChangedAsync));

            // Another restart: nothing fires twice.
            await after.StopScannerAsync();
            var third = Engine("host-third", storage.ConnectionString);
            await third.StartScannerAsync();
            await ScannerWait.FirstScanAsync(third.Scanner);
            await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(30), third.Scanner);
            Assert.Empty(third.Notifier.Calls);
            Assert.Equal(2, (await third.Sessions.GetAsync(address))!.State.DeadlineLog.Count);
        }
        finally
        {
            await storage.DisposeAsync();
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Two_scanner_instances_on_one_storage_fire_every_deadline_exactly_once()
    {
        var creator = Engine("creator");
        var sessions = new List<SessionAddress>();
        for (var i = 0; i < 16; i++)
        {
            var options = new SessionOptions { AutoAdvance = i % 2 == 0 };
            var method = i % 4 == 3 ? MethodIds.SozialraumRunde : MethodIds.KollegialeBeratung;
            sessions.Add(await StartedAsync(creator, method, options));
            _clock.Advance(TimeSpan.FromSeconds(7));
        }

        var shared = new System.Collections.Concurrent.ConcurrentQueue<Notified>();
        var a = Engine("scanner-a", notifier: new RecordingNotifier("scanner-a", shared));
        var b = Engine("scanner-b", notifier: new RecordingNotifier("scanner-b", shared));
        await Task.WhenAll(a.StartScannerAsync(), b.StartScannerAsync());
        await ScannerWait.FirstScanAsync(a.Scanner, b.Scanner);
        for (var step = 0; step < 4 * 50; step++)
        {
            await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(15), a.Scanner, b.Scanner);
        }

        var now = _clock.GetUtcNow();
        var expectedAnnouncements = 0;
        var totalFired = 0;
        foreach (var address in sessions)
        {
            var stored = (await creator.Sessions.GetAsync(address))!;
            var log = stored.State.DeadlineLog;
            totalFired += log.Count;
            Assert.Equal(log.Count, log.Select(d => (d.Kind, d.PhaseIndex)).Distinct().Count());
            Assert.True(stored.NextDeadline is null || stored.NextDeadline.DueAt > now, "a due deadline was missed");

            // Deadlines fired back to back in one firing share the instant; only the last of them is announced.
            expectedAnnouncements += log.Where((d, i) => i == log.Count - 1 || log[i + 1].FiredAt != d.FiredAt).Count();
            Assert.All(log, d => Assert.False(d.Late));
        }

        var announced = shared.Where(n => n.Kind is SessionEventKind.PhaseWarning or SessionEventKind.PhaseOverdue or SessionEventKind.SessionEndWarning).ToList();
        Assert.Equal(announced.Count, announced.Select(n => (n.SessionId, n.Kind, n.PhaseIndex)).Distinct().Count());
        Assert.Equal(expectedAnnouncements, announced.Count);
        Assert.True(totalFired >= sessions.Count * 3, $"only {totalFired} deadlines fired");
        var changes = shared.Count(n => n.Method == nameof(ISessionNotifier.OnStateChangedAsync));
        Assert.Equal(a.Scanner.Totals.Fired + b.Scanner.Totals.Fired, changes);
        Assert.Equal(changes, shared.Where(n => n.Method == nameof(ISessionNotifier.OnStateChangedAsync)).Select(n => (n.SessionId, n.Version)).Distinct().Count());
    }

    [Fact]
    public async Task Two_scanners_racing_for_batched_claims_of_one_bucket_fire_each_deadline_once()
    {
        // 150 sessions started at the same instant: their phase warnings are all due at 9:00, in one minute bucket,
        // more than one claim transaction holds. Both scanners read them at the same clock step and claim in batches.
        var creator = Engine("creator");
        var sessions = new List<SessionAddress>();
        for (var i = 0; i < 150; i++)
        {
            sessions.Add(await StartedAsync(creator, MethodIds.KollegialeBeratung));
        }

        var shared = new System.Collections.Concurrent.ConcurrentQueue<Notified>();
        var a = Engine("scanner-a", notifier: new RecordingNotifier("scanner-a", shared));
        var b = Engine("scanner-b", notifier: new RecordingNotifier("scanner-b", shared));
        await Task.WhenAll(a.StartScannerAsync(), b.StartScannerAsync());
        await ScannerWait.FirstScanAsync(a.Scanner, b.Scanner);
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(1), a.Scanner, b.Scanner);
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(1), a.Scanner, b.Scanner);

        foreach (var address in sessions)
        {
            var stored = (await creator.Sessions.GetAsync(address))!;
            Assert.Equal([(DeadlineKind.PhaseWarning, 0)], stored.State.DeadlineLog.Select(d => (d.Kind, d.PhaseIndex)));
        }

        var warnings = shared.Where(n => n.Kind == SessionEventKind.PhaseWarning).ToList();
        Assert.Equal(150, warnings.Count);
        Assert.Equal(150, warnings.Select(n => n.SessionId).Distinct().Count());
        Assert.Equal(150, a.Scanner.Totals.Fired + b.Scanner.Totals.Fired);
        Assert.Equal(150, a.Scanner.Totals.Claimed + b.Scanner.Totals.Claimed);

        // The next deadlines (the phase ends at 10:00) were kept by whichever instance fired each warning: once each too.
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(1), a.Scanner, b.Scanner);
        foreach (var address in sessions)
        {
            var stored = (await creator.Sessions.GetAsync(address))!;
            Assert.Equal([(DeadlineKind.PhaseWarning, 0), (DeadlineKind.PhaseEnd, 0)], stored.State.DeadlineLog.Select(d => (d.Kind, d.PhaseIndex)));
        }

        var overdue = shared.Where(n => n.Kind == SessionEventKind.PhaseOverdue).ToList();
        Assert.Equal(150, overdue.Select(n => n.SessionId).Distinct().Count());
        Assert.Equal(150, overdue.Count);
        Assert.Equal(300, a.Scanner.Totals.Fired + b.Scanner.Totals.Fired);
        Assert.Empty(await creator.Get<DeadlineIndexRepository>().ListDueAsync(T0, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_next_deadline_kept_by_an_instance_that_stopped_is_fired_once_by_another_after_its_lease()
    {
        var address = await StartedAsync(Engine("creator"), MethodIds.KollegialeBeratung);
        var a = Engine("scanner-a");
        await a.StartScannerAsync();
        await ScannerWait.FirstScanAsync(a.Scanner);
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(9), a.Scanner); // 9:00, the warning fires
        Assert.Single(a.Notifier.Deadlines(address.SessionId));

        // A keeps the phase end (10:00) under its lease and stops before firing it.
        await a.StopScannerAsync();
        var b = Engine("scanner-b");
        await b.StartScannerAsync();
        await ScannerWait.FirstScanAsync(b.Scanner);
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(1), b.Scanner); // 10:00, still A's
        Assert.Empty(b.Notifier.Deadlines(address.SessionId));

        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(20), b.Scanner); // 10:00:20, still A's
        Assert.Empty(b.Notifier.Deadlines(address.SessionId));
        for (var i = 0; i < 3; i++)
        {
            await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromSeconds(20), b.Scanner); // the lease ended at 10:00:30
        }

        var overdue = Assert.Single(b.Notifier.Deadlines(address.SessionId));
        Assert.Equal((SessionEventKind.PhaseOverdue, true), (overdue.Kind!.Value, overdue.Late));
        var stored = (await b.Sessions.GetAsync(address))!;
        Assert.Equal([(DeadlineKind.PhaseWarning, false), (DeadlineKind.PhaseEnd, true)], stored.State.DeadlineLog.Select(d => (d.Kind, d.Late)));
    }

    [Fact]
    public async Task A_backlog_larger_than_one_scan_is_worked_off_without_waiting_for_the_next_interval()
    {
        var creator = Engine("creator");
        var sessions = new List<SessionAddress>();
        for (var i = 0; i < 7; i++)
        {
            sessions.Add(await StartedAsync(creator, MethodIds.KollegialeBeratung));
        }

        var scanner = Engine("small-batches", settings: new Dictionary<string, string?> { ["Engine:MaxFiringsPerScan"] = "2" });
        await scanner.StartScannerAsync();
        await ScannerWait.FirstScanAsync(scanner.Scanner);

        // One clock step to 11:00: every phase warning (9:00) and phase end (10:00) is due, more than the regular
        // window's margin ago. The scanner takes two sessions per scan and goes on at once, back to the oldest row.
        await ScannerWait.AdvanceAndScanAsync(_clock, TimeSpan.FromMinutes(11), scanner.Scanner);

        foreach (var address in sessions)
        {
            var stored = (await scanner.Sessions.GetAsync(address))!;
            Assert.Equal(
                [(DeadlineKind.PhaseWarning, true), (DeadlineKind.PhaseEnd, true)],
                stored.State.DeadlineLog.Select(d => (d.Kind, d.Late)));
        }

        Assert.Equal(7, scanner.Scanner.Totals.Fired);
        Assert.Equal(7, scanner.Notifier.Calls.Count(c => c.Kind == SessionEventKind.PhaseOverdue));
        Assert.DoesNotContain(scanner.Notifier.Calls, c => c.Kind == SessionEventKind.PhaseWarning);
    }

    private EngineInstance Engine(string name, string? connectionString = null, RecordingNotifier? notifier = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var engine = new EngineInstance(connectionString ?? azurite.ConnectionString, _prefix, _clock, name, notifier, settings);
        _engines.Add(engine);
        return engine;
    }

    private async Task<SessionAddress> StartedAsync(EngineInstance engine, string methodId, SessionOptions? options = null)
    {
        var created = await engine.Sessions.CreateAsync(Setup(NewTeam(), methodId, options));
        Assert.True(created.IsCreated, created.Rejection?.ToString());
        var address = created.Address();
        if (created.Session!.Method.RequiresConsent)
        {
            await engine.Sessions.OkAsync(address, new RecordConsent(Mod, ValidConsent(_clock.GetUtcNow())));
        }

        await engine.Sessions.OkAsync(address, new StartSession(Mod));
        return address;
    }
}
