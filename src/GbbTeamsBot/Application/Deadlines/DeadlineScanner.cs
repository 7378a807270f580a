using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.Deadlines;

/// <summary>What one scan did.</summary>
public sealed record ScanReport(int Due, int Claimed, int Fired, int Stale, int LostClaims)
{
    /// <summary>More rows were due than this scan took on.</summary>
    public bool MoreDue { get; init; }
}

/// <summary>
/// The durable deadline scanner. Every <see cref="EngineOptions.DeadlineScanInterval"/> it reads the due rows of the
/// deadline index, claims each with If-Match and a lease (so two instances on one storage account never fire the same
/// row), and fires it through <see cref="DeadlineFirer"/>. After a start it first looks back
/// <see cref="EngineOptions.StartupLookback"/> for deadlines missed while down; a periodic wider sweep picks up rows
/// whose claimer died. Time comes only from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class DeadlineScanner : BackgroundService
{
    private readonly DeadlineIndexRepository _index;
    private readonly DeadlineFirer _firer;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly ILogger<DeadlineScanner> _logger;
    private DateTimeOffset? _lastScan;
    private DateTimeOffset? _oldestUnfinished;
    private DateTimeOffset _lastSweep;
    private long _armed;

    public DeadlineScanner(DeadlineIndexRepository index, DeadlineFirer firer, TimeProvider time, IOptions<EngineOptions> options, ILogger<DeadlineScanner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _firer = firer;
        _time = time;
        _options = options.Value;
        _logger = logger;
        InstanceId = string.IsNullOrWhiteSpace(_options.InstanceId)
            ? $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(64, Environment.MachineName.Length + 33)]
            : _options.InstanceId;
    }

    /// <summary>This instance's name in deadline claims.</summary>
    public string InstanceId { get; }

    /// <summary>
    /// How often the scanner has finished a scan and armed its timer for the next one. Tests with a fake clock wait
    /// for this to grow before advancing time, so the timer exists when the clock moves.
    /// </summary>
    public long ArmedCount => Interlocked.Read(ref _armed);

    /// <summary>Totals since start (for diagnostics and benchmarks).</summary>
    public ScanReport Totals { get; private set; } = new(0, 0, 0, 0, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(_logger, InstanceId, _options.DeadlineScanInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var backlog = false;
            try
            {
                backlog = (await ScanOnceAsync(stoppingToken)).MoreDue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException or OperationCanceledException)
            {
                LogScanFailed(_logger, ex);
            }

            if (backlog)
            {
                // More was due than one scan takes on: go again right away instead of idling a whole interval.
                continue;
            }

            var wait = Task.Delay(_options.DeadlineScanInterval, _time, stoppingToken);
            Interlocked.Increment(ref _armed);
            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// One scan: list due rows, claim, fire. Takes on at most <see cref="EngineOptions.MaxFiringsPerScan"/> rows, the
    /// oldest first (so nothing waits behind a backlog), in random order within a window of four times that (so two
    /// instances reading the same backlog seldom reach for the same row). Public so tools and tests can drive it.
    /// </summary>
    public async Task<ScanReport> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var from = WindowStart(now);
        var due = await _index.ListDueAsync(from, now, cancellationToken);
        _lastScan = now;

        var batch = Math.Max(1, _options.MaxFiringsPerScan);
        var window = due.OrderBy(e => e.Deadline.DueAt).Take(4 * batch).ToArray();
        Random.Shared.Shuffle(window);
        var entries = window.Take(batch).OrderBy(e => e.Deadline.DueAt).ToArray();
        int claimed = 0, fired = 0, stale = 0, lost = 0;
        var finished = new System.Collections.Concurrent.ConcurrentBag<DeadlineEntry>();
        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentFirings), CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                var mine = await _index.TryClaimAsync(entry, InstanceId, _time.GetUtcNow(), _options.DeadlineLease, ct);
                if (mine is null)
                {
                    Interlocked.Increment(ref lost);
                    return;
                }

                Interlocked.Increment(ref claimed);
                try
                {
                    var result = await _firer.FireAsync(mine, ct);
                    if (result is FiringResult.Fired or FiringResult.Stale or FiringResult.SessionMissing)
                    {
                        finished.Add(entry);
                    }

                    if (result == FiringResult.Fired)
                    {
                        Interlocked.Increment(ref fired);
                    }
                    else if (result is FiringResult.Stale or FiringResult.SessionMissing)
                    {
                        Interlocked.Increment(ref stale);
                    }
                }
                catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException or System.Text.Json.JsonException or InvalidOperationException)
                {
                    // The claim lapses after its lease and the row is tried again.
                    LogFireFailed(_logger, ex, entry.Deadline.SessionId);
                }
            });

        // Rows left for later (not taken on, claimed by the other instance, failed) keep the window open back to them,
        // so a backlog older than the regular margin is still read by the next scans.
        var done = finished.Select(e => e.Deadline).ToHashSet();
        _oldestUnfinished = due.Where(e => !done.Contains(e.Deadline)).Select(e => (DateTimeOffset?)e.Deadline.DueAt).Min();
        var report = new ScanReport(due.Count, claimed, fired, stale, lost) { MoreDue = due.Count > entries.Length };
        var t = Totals;
        Totals = new ScanReport(t.Due + report.Due, t.Claimed + report.Claimed, t.Fired + report.Fired, t.Stale + report.Stale, t.LostClaims + report.LostClaims);
        return report;
    }

    /// <summary>
    /// Which minute buckets to read: after a start the whole look-back; then from the last scan minus a margin (a
    /// row's lease plus two intervals, so rows of a crashed claimer come back), or further back to the oldest row the
    /// last scan left unfinished; every sweep interval the recovery window.
    /// </summary>
    private DateTimeOffset WindowStart(DateTimeOffset now)
    {
        var max = DeadlineIndexRepository.MaxScanWindow - TimeSpan.FromMinutes(1);
        if (_lastScan is not { } last)
        {
            _lastSweep = now;
            return now - Min(_options.StartupLookback, max);
        }

        if (now - _lastSweep >= _options.RecoverySweepInterval)
        {
            _lastSweep = now;
            return now - Min(_options.RecoveryWindow, max);
        }

        var margin = _options.DeadlineLease + (2 * _options.DeadlineScanInterval);
        var start = Min(last, now) - margin;
        return _oldestUnfinished is { } oldest && oldest < start ? Max(oldest, now - max) : start;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline scanner {InstanceId} started, interval {Interval}")]
    private static partial void LogStarted(ILogger logger, string instanceId, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline scan failed; retrying at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firing a deadline of session {SessionId} failed; the claim lapses and it is retried")]
    private static partial void LogFireFailed(ILogger logger, Exception exception, string sessionId);
}
