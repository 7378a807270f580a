using System.Diagnostics;
using System.Globalization;
using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Benchmarks.Engine;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project benchmarks/GbbTeamsBot.Benchmarks.Engine [-- --sessions 10000 --min-phase 60 --max-phase 120
//        --min-lead 10 --max-lead 50 --scan-interval-ms 1000 --claim-ahead-ms 2000 --firings 16 --batch 256 --create-concurrency 16
//        --extra-wait 120 --seed N]
var settings = EngineBenchmarkSettings.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Engine benchmark: {settings.Sessions} sessions (Sozialraum-Runde, auto-advance), phases 0 and 1 of {settings.MinPhase}-{settings.MaxPhase} s, warning leads {settings.MinLead}-{settings.MaxLead} s, 2 scanner instances (index read every {settings.ScanIntervalMs} ms, claims {settings.ClaimAheadMs} ms ahead, {settings.Firings} storage calls at once and at most {settings.Batch} rows per read each), Azurite on loopback (in memory)."));

await using var azurite = await AzuriteTableService.StartAsync();
var prefix = "B" + Guid.NewGuid().ToString("N")[..10];
var tracker = new DeadlineTracker(TimeProvider.System);

// Three "hosts": one that creates and starts sessions (no scanner), two that only scan. One storage account.
await using var creator = EngineHost.Create(azurite.ConnectionString, prefix, "creator", settings, tracker);
var scannerCalls = new StorageCallCounter();
await using var scannerA = EngineHost.Create(azurite.ConnectionString, prefix, "scanner-a", settings, tracker, scannerCalls);
await using var scannerB = EngineHost.Create(azurite.ConnectionString, prefix, "scanner-b", settings, tracker, scannerCalls);
var sessions = creator.Services.GetRequiredService<SessionService>();
await scannerA.StartFiringAsync();
await scannerB.StartFiringAsync();

var random = new Random(settings.Seed);
var plans = Enumerable.Range(0, settings.Sessions).Select(i => SessionPlan.Random(i, random, settings)).ToArray();
var watch = Stopwatch.StartNew();
var created = 0;
var createLatencies = new double[plans.Length];
await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = settings.CreateConcurrency }, async (plan, ct) =>
{
    var started = Stopwatch.GetTimestamp();
    var outcome = await sessions.CreateAsync(plan.Request, ct);
    if (!outcome.IsCreated)
    {
        throw new InvalidOperationException($"Session {plan.Index} was refused: {outcome.Rejection}");
    }

    var start = await sessions.ExecuteAsync(outcome.Session!.Address, new StartSession(SessionPlan.Moderator), outcome.Session.Version, cancellationToken: ct);
    if (!start.IsAccepted)
    {
        throw new InvalidOperationException($"Session {plan.Index} did not start: {start.Status} {start.Rejection}");
    }

    plan.Address = outcome.Session.Address;
    createLatencies[plan.Index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    var done = Interlocked.Increment(ref created);
    if (done % 1000 == 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done} sessions created and started after {watch.Elapsed.TotalSeconds:F0} s; {tracker.Fired} deadlines fired so far"));
    }
});
var createSeconds = watch.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Created and started {plans.Length} sessions in {createSeconds:F1} s ({plans.Length / createSeconds:F0}/s, p99 {Percentile(createLatencies, 0.99):F0} ms each)."));

// Each session has 5 deadlines within the run: warning and end of phases 0 and 1, and the session-end warning.
var expected = plans.Length * SessionPlan.DeadlinesPerSession;
var giveUpAt = watch.Elapsed + TimeSpan.FromSeconds((2 * settings.MaxPhase) + 20 + settings.ExtraWaitSeconds);
while (tracker.Fired < expected && watch.Elapsed < giveUpAt)
{
    await Task.Delay(TimeSpan.FromSeconds(5));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds:F0} s: {tracker.Fired}/{expected} deadlines fired; working set {Environment.WorkingSet / 1048576.0:F0} MiB"));
}

// Let in-flight firings finish, then stop both scanners before checking.
await Task.Delay(TimeSpan.FromSeconds(settings.ScanIntervalMs / 1000.0 * 3));
await scannerA.StopFiringAsync();
await scannerB.StopFiringAsync();
var runSeconds = watch.Elapsed.TotalSeconds;
var workingSet = Environment.WorkingSet;
var gcHeap = GC.GetTotalMemory(forceFullCollection: false);
var gcInfo = GC.GetGCMemoryInfo();

// Verify against storage: every session's log must hold each expected deadline exactly once, none still due.
Console.WriteLine("Checking every session in storage ...");
var now = TimeProvider.System.GetUtcNow();
var misses = 0;
var logDuplicates = 0;
var fireLateness = new List<double>();
var firings = new List<(DateTimeOffset DueAt, DateTimeOffset FiredAt)>();
var lateMarked = 0;
await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = settings.CreateConcurrency }, async (plan, ct) =>
{
    var view = await sessions.GetAsync(plan.Address!, ct) ?? throw new InvalidOperationException("A session vanished.");
    var log = view.State.DeadlineLog;
    var keys = log.Select(d => (d.Kind, d.PhaseIndex)).ToList();
    var missing = SessionPlan.ExpectedDeadlines.Count(k => !keys.Contains(k) && !(k.Item1 == DeadlineKind.SessionEndWarning && keys.Any(f => f.Kind == k.Item1)));
    var duplicates = keys.Count - keys.Distinct().Count();
    var overdue = view.NextDeadline is { } next && next.DueAt <= now - TimeSpan.FromSeconds(5) ? 1 : 0;
    lock (fireLateness)
    {
        misses += missing + overdue;
        logDuplicates += duplicates;
        lateMarked += log.Count(d => d.Late);
        fireLateness.AddRange(log.Select(d => (d.FiredAt - d.DueAt).TotalMilliseconds));
        firings.AddRange(log.Select(d => (d.DueAt, d.FiredAt)));
    }
});

// The size of what each firing reads and writes: one session row's snapshot JSON (the envelope holds it and two ids).
var sample = (await sessions.GetAsync(plans[0].Address!))!.State;
var snapshotChars = System.Text.Json.JsonSerializer.Serialize(sample, SessionSnapshotSerializer.Options).Length;

var notifyLateness = tracker.NotifyLatenessMs();
var notifiedDuplicates = tracker.Duplicates;
var duplicatesTotal = notifiedDuplicates + logDuplicates;
var totals = new[] { scannerA.Scanner.Totals, scannerB.Scanner.Totals };
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Deadlines: expected {expected}, fired {fireLateness.Count} (stored), notified {tracker.Fired} (distinct), {lateMarked} marked late (> 30 s)."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scanner A: claimed {totals[0].Claimed}, fired {totals[0].Fired}, stale {totals[0].Stale}, lost claims {totals[0].LostClaims}."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scanner B: claimed {totals[1].Claimed}, fired {totals[1].Fired}, stale {totals[1].Stale}, lost claims {totals[1].LostClaims}."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"lateness",-22} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}"));
PrintRow("fired (due -> stored)", fireLateness);
PrintRow("notified (due -> call)", notifyLateness);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Duplicates: {duplicatesTotal} (notifications {notifiedDuplicates}, stored log {logDuplicates}). Misses: {misses}."));

// Throughput: deadlines fired per second over the firing span and in the best 5-second window (by firing time).
var rate = FiringRate.Of(firings);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Firings/s: {rate.Average:F0} on average ({firings.Count} over {rate.SpanSeconds:F0} s), {rate.Best5s:F0} in the best 5 s."));

// The load the scanners kept up with: 5-second windows by due time, their offered rate and their p99 lateness.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sustained at p99 <= 1 s: {rate.SustainedAtP99Under1s:F0} deadlines/s at the busiest 5 s window that kept p99 <= 1 s; {rate.WindowsWithinTarget} of {rate.Windows} windows within 1 s (10,000 real sessions of 40 minutes with about five deadlines each make about {10_000 * 5 / 2400.0:F0}/s)."));

var calls = scannerCalls.Total;
var perFiring = fireLateness.Count == 0 ? 0 : (double)calls / fireLateness.Count;
var savesTotal = totals.Sum(t => t.Fired);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Storage calls of both scanners: {calls} = {perFiring:F2} per deadline fired, {(savesTotal == 0 ? 0 : (double)calls / savesTotal):F2} per session save ({savesTotal} saves; session reads {scannerCalls.Reads}, index queries {scannerCalls.Queries}, transactions {scannerCalls.Batches}, other {scannerCalls.Other}); a session's snapshot is {snapshotChars} characters of JSON."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Memory (benchmark process, 3 engine hosts): working set {workingSet / 1048576.0:F0} MiB, GC heap {gcHeap / 1048576.0:F0} MiB, GC heap size {gcInfo.HeapSizeBytes / 1048576.0:F0} MiB, committed {gcInfo.TotalCommittedBytes / 1048576.0:F0} MiB. Run {runSeconds:F0} s."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine: {plans.Length} sessions, {fireLateness.Count} deadlines, {duplicatesTotal} duplicates, {misses} misses, p99 lateness {Percentile(fireLateness, 0.99):F0} ms (notify p99 {Percentile(notifyLateness, 0.99):F0} ms), {rate.Average:F0} firings/s (best 5 s {rate.Best5s:F0}/s), {perFiring:F2} storage calls per firing, working set {workingSet / 1048576.0:F0} MiB"));
return duplicatesTotal == 0 && misses == 0 ? 0 : 1;

static void PrintRow(string name, IReadOnlyCollection<double> values) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {Percentile(values, 0.50),8:F0} {Percentile(values, 0.90),8:F0} {Percentile(values, 0.99),8:F0} {(values.Count == 0 ? 0 : values.Max()),8:F0}"));

static double Percentile(IReadOnlyCollection<double> values, double p)
{
    if (values.Count == 0)
    {
        return 0;
    }

    var sorted = values.OrderBy(v => v).ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
