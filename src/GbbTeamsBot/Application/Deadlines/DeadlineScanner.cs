using GbbTeamsBot.Application.Persistence;
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
/// The durable deadline scanner. Every <see cref="EngineOptions.DeadlineScanInterval"/> it reads the deadline index,
/// oldest minute bucket first and bounded by <see cref="EngineOptions.MaxFiringsPerScan"/>, for rows due now or within
/// <see cref="EngineOptions.DeadlineClaimAhead"/>; it claims them with If-Match in one transaction per 100 rows of a
/// bucket (in random chunk order, so two instances reading the same rows seldom reach for the same chunk, and never
/// both win a row), reads their sessions ahead, and fires each at its instant through <see cref="DeadlineFirer"/>;
/// the rows that ended are removed in the background while the next rounds fire.
/// A fired session's next deadline due within <see cref="EngineOptions.DeadlineKeepAhead"/> is indexed already claimed
/// by this instance and fired from the state it just stored: one write, no claim, no read.
/// No coordinator: a claim is a short lease in the row. After a start it first looks back
/// <see cref="EngineOptions.StartupLookback"/> for deadlines missed while down (they fire once, marked late); every
/// lease it looks back past the lease for rows whose claimer died, and every sweep interval the recovery window.
/// Time comes only from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class DeadlineScanner : BackgroundService
{
    /// <summary>Deadlines one firing round takes on (the next deadlines of a round share index transactions).</summary>
    private const int MaxRound = 100;

    /// <summary>
    /// The shortest gap between two firing rounds: deadlines due within it fire together and share their index
    /// transactions (the next deadlines, the row removals) instead of paying them one by one.
    /// </summary>
    private static readonly TimeSpan RoundGap = TimeSpan.FromMilliseconds(200);

    private readonly DeadlineIndexRepository _index;
    private readonly DeadlineFirer _firer;
    private readonly TimeProvider _time;
    private readonly EngineOptions _options;
    private readonly ILogger<DeadlineScanner> _logger;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly DeadlineKeeper? _keeper;

    /// <summary>Agreement reminders share the index (durable, claimed once); their rows are fired there, not by a session.</summary>
    private readonly Reminders.AgreementReminderService? _reminders;

    /// <summary>Rows this instance has claimed and not yet fired, by when to fire them (their instant, or a retry).</summary>
    private readonly Dictionary<DeadlineRecord, Held> _held = [];

    /// <summary>
    /// Rows that ended (fired, stale, session gone), still leased to this instance, waiting to leave the index. They are
    /// removed in the background, one removal at a time, so a round never waits for it and rows of busy rounds share
    /// their delete transactions.
    /// </summary>
    private readonly List<DeadlineEntry> _finished = [];
    private Task _removing = Task.CompletedTask;
    private DateTimeOffset? _lastRead;
    private DateTimeOffset _lastRound;
    private DateTimeOffset? _oldestDropped;
    private DateTimeOffset _lastSweep;
    private DateTimeOffset _lastLookBack;
    private bool _truncated;
    private bool _sweeping;
    private DateTimeOffset _truncatedFrom;
    private long _armed;

    public DeadlineScanner(DeadlineIndexRepository index, DeadlineFirer firer, TimeProvider time, IOptions<EngineOptions> options, ILogger<DeadlineScanner> logger, Reminders.AgreementReminderService? reminders = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _index = index;
        _firer = firer;
        _reminders = reminders;
        _time = time;
        _options = options.Value;
        _logger = logger;
        InstanceId = string.IsNullOrWhiteSpace(_options.InstanceId)
            ? $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(64, Environment.MachineName.Length + 33)]
            : _options.InstanceId;
        _keeper = _options.DeadlineKeepAhead > TimeSpan.Zero ? new DeadlineKeeper(InstanceId, _options.DeadlineLease, _options.DeadlineKeepAhead) : null;
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
            var wait = _options.DeadlineScanInterval;
            try
            {
                await _turn.WaitAsync(stoppingToken);
                try
                {
                    var now = _time.GetUtcNow();
                    await RunAsync(read: _truncated || _lastRead is not { } last || now - last >= _options.DeadlineScanInterval, stoppingToken);
                    wait = NextWake(_time.GetUtcNow());
                }
                finally
                {
                    _turn.Release();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException or OperationCanceledException)
            {
                LogScanFailed(_logger, ex);
            }

            if (wait <= TimeSpan.Zero)
            {
                // More was due than one scan takes on, or the next instant has come: go on at once.
                continue;
            }

            var delay = Task.Delay(wait, _time, stoppingToken);
            Interlocked.Increment(ref _armed);
            try
            {
                await delay;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // Leave the index tidy on a regular stop; rows left behind come back after their lease as stale.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await RemoveFinishedAsync(stopping.Token);
    }

    /// <summary>
    /// One scan: fire the held rows that are due, read the index, claim, fire what is due and hold the rest until its
    /// instant. Public so tools and tests can drive it.
    /// </summary>
    public async Task<ScanReport> ScanOnceAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var report = await RunAsync(read: true, cancellationToken);
            await RemoveFinishedAsync(cancellationToken);
            return report;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<ScanReport> RunAsync(bool read, CancellationToken cancellationToken)
    {
        var report = await FireHeldAsync(new ScanReport(0, 0, 0, 0, 0), cancellationToken);
        if (read)
        {
            report = await ReadAndClaimAsync(report, cancellationToken);
            report = await FireHeldAsync(report, cancellationToken);
        }

        StartRemovingFinished(cancellationToken);
        var t = Totals;
        Totals = new ScanReport(t.Due + report.Due, t.Claimed + report.Claimed, t.Fired + report.Fired, t.Stale + report.Stale, t.LostClaims + report.LostClaims);
        return report;
    }

    /// <summary>Starts removing the ended rows unless a removal is still under way (then they go with the next one).</summary>
    private void StartRemovingFinished(CancellationToken cancellationToken)
    {
        if (_finished.Count == 0 || !_removing.IsCompleted)
        {
            return;
        }

        // A row can end twice (its lease ran out before the removal and it was claimed again): remove it as last claimed.
        var rows = _finished.AsEnumerable().Reverse().DistinctBy(e => e.Deadline).ToList();
        _finished.Clear();
        _removing = RemoveAsync(rows, cancellationToken);
    }

    /// <summary>Waits for the removal under way, then removes what is left (a scan driven by hand, and the stop).</summary>
    private async Task RemoveFinishedAsync(CancellationToken cancellationToken)
    {
        await _removing;
        StartRemovingFinished(cancellationToken);
        await _removing;
    }

    private async Task RemoveAsync(IReadOnlyList<DeadlineEntry> rows, CancellationToken cancellationToken)
    {
        try
        {
            await _index.CompleteAllAsync(rows, cancellationToken);
        }
        catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            // The sessions are saved; the rows come back after their lease and are then stale.
            LogRemoveFailed(_logger, ex, rows.Count);
        }
    }

    /// <summary>
    /// Reads the due and soon-due rows (bounded, oldest bucket first), claims them in batches and holds them with their
    /// sessions being read ahead.
    /// </summary>
    private async Task<ScanReport> ReadAndClaimAsync(ScanReport report, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var from = WindowStart(now);
        var budget = Math.Max(1, _options.MaxFiringsPerScan);

        // Regular reads let the service leave out leased rows (what the instances hold); the first read after a start
        // and the sweeps also see rows without a lease property (written before every row had one).
        var until = now + _options.DeadlineClaimAhead;
        var due = _sweeping
            ? await _index.ReadDueAsync(from, until, now, budget, null, cancellationToken)
            : await _index.ReadFreeAsync(from, until, now, budget, cancellationToken);
        _lastRead = now;
        _truncated = due.Truncated;
        _truncatedFrom = from;

        var ending = _finished.Select(e => e.Deadline).ToHashSet();
        var fresh = due.Rows.Where(e => !_held.ContainsKey(e.Deadline) && !ending.Contains(e.Deadline)).ToList();
        var claimedCount = 0;
        var lost = 0;
        foreach (var bucket in fresh.GroupBy(e => DeadlineIndexRepository.BucketOf(e.Deadline.DueAt)))
        {
            // Oldest bucket first; within it the chunks in random order, so racing instances mostly take different ones.
            var chunks = bucket.OrderBy(e => e.Deadline.DueAt).Chunk(MaxRound).ToArray();
            Random.Shared.Shuffle(chunks);
            foreach (var chunk in chunks)
            {
                var claims = await _index.TryClaimAllAsync(chunk, InstanceId, _time.GetUtcNow(), _options.DeadlineLease, cancellationToken);
                lost += claims.Lost;
                claimedCount += claims.Claimed.Count;
                foreach (var claimed in claims.Claimed)
                {
                    _held[claimed.Deadline] = new Held(claimed, _firer.ReadAheadAsync(claimed, cancellationToken), claimed.Deadline.DueAt);
                }
            }
        }

        return report with
        {
            Due = report.Due + fresh.Count(e => e.Deadline.DueAt <= now),
            Claimed = report.Claimed + claimedCount,
            LostClaims = report.LostClaims + lost,
            MoreDue = report.MoreDue || due.Truncated,
        };
    }

    /// <summary>Fires the held rows whose time has come, oldest first, in rounds; puts back what must be tried again.</summary>
    private async Task<ScanReport> FireHeldAsync(ScanReport report, CancellationToken cancellationToken)
    {
        int fired = 0, stale = 0;
        while (true)
        {
            var now = _time.GetUtcNow();
            var round = _held.Values.Where(h => h.FireAt <= now).OrderBy(h => h.FireAt).Take(MaxRound).ToList();
            if (round.Count == 0)
            {
                break;
            }

            foreach (var held in round)
            {
                _held.Remove(held.Claimed.Deadline);
            }

            _lastRound = now;
            if (_reminders is not null && round.Where(h => Reminders.AgreementReminderService.IsReminderToken(h.Claimed.Deadline.Token)).ToList() is { Count: > 0 } reminderRows)
            {
                var reminderResults = await _reminders.FireAsync(reminderRows.Select(h => h.Claimed).ToList(), cancellationToken);
                for (var i = 0; i < reminderRows.Count; i++)
                {
                    fired += reminderResults[i] == FiringResult.Fired ? 1 : 0;
                    stale += reminderResults[i] is FiringResult.Stale or FiringResult.SessionMissing ? 1 : 0;
                    if (reminderResults[i] is FiringResult.Conflict or FiringResult.NotDue)
                    {
                        Retry(reminderRows[i], now);
                    }
                }

                round = round.Except(reminderRows).ToList();
                if (round.Count == 0)
                {
                    continue;
                }
            }

            var round_ = await _firer.FireAllAsync(round.Select(h => new DueFiring(h.Claimed, h.Session)).ToList(), _keeper, cancellationToken);
            _finished.AddRange(round_.Finished);
            foreach (var kept in round_.Kept)
            {
                _held[kept.Claimed.Deadline] = new Held(kept.Claimed, Task.FromResult<LoadedSession?>(kept.Session), kept.Claimed.Deadline.DueAt);
            }

            var results = round_.Results;
            for (var i = 0; i < round.Count; i++)
            {
                switch (results[i])
                {
                    case FiringResult.Fired:
                        fired++;
                        break;
                    case FiringResult.Stale or FiringResult.SessionMissing:
                        stale++;
                        break;
                    default:
                        Retry(round[i], now);
                        break;
                }
            }

        }

        return report with { Fired = report.Fired + fired, Stale = report.Stale + stale };
    }

    /// <summary>Keeps a row that did not fire for another try while its lease lasts; otherwise lets the lease lapse.</summary>
    private void Retry(Held held, DateTimeOffset now)
    {
        var retryAt = now + _options.DeadlineScanInterval;
        if (held.Claimed.ClaimedUntil is { } until && until - retryAt > 2 * _options.DeadlineScanInterval)
        {
            _held[held.Claimed.Deadline] = held with { Session = null, FireAt = retryAt };
            return;
        }

        // The lease runs out: the row comes back with a later read, which reaches back to it.
        var dueAt = held.Claimed.Deadline.DueAt;
        _oldestDropped = _oldestDropped is { } oldest && oldest < dueAt ? oldest : dueAt;
    }

    /// <summary>When to wake: the next held row's instant or the next read, whichever is first.</summary>
    private TimeSpan NextWake(DateTimeOffset now)
    {
        if (_truncated)
        {
            return TimeSpan.Zero;
        }

        var next = (_lastRead ?? now) + _options.DeadlineScanInterval;
        foreach (var held in _held.Values)
        {
            var at = held.FireAt > _lastRound + RoundGap ? held.FireAt : _lastRound + RoundGap;
            if (at < next)
            {
                next = at;
            }
        }

        return next - now;
    }

    /// <summary>
    /// Which minute buckets to read: after a start the whole look-back; every sweep interval the recovery window;
    /// every lease a look-back past one lease (rows of a claimer that died come back once their lease ran out);
    /// otherwise from the last read minus two intervals, or further back to a row this instance let go, or the same
    /// window again while the last read stopped at its bound.
    /// </summary>
    private DateTimeOffset WindowStart(DateTimeOffset now)
    {
        var max = DeadlineIndexRepository.MaxScanWindow - TimeSpan.FromMinutes(1);
        if (_lastRead is not { } last)
        {
            _lastSweep = _lastLookBack = now;
            _sweeping = true;
            return now - Min(_options.StartupLookback, max);
        }

        if (_truncated)
        {
            return _truncatedFrom;
        }

        _sweeping = false;
        DateTimeOffset start;
        if (now - _lastSweep >= _options.RecoverySweepInterval)
        {
            _lastSweep = _lastLookBack = now;
            _sweeping = true;
            start = now - Min(_options.RecoveryWindow, max);
        }
        else if (now - _lastLookBack >= _options.DeadlineLease)
        {
            _lastLookBack = now;
            start = now - _options.DeadlineLease - _options.DeadlineClaimAhead - (2 * _options.DeadlineScanInterval);
        }
        else
        {
            start = Min(last, now) - (2 * _options.DeadlineScanInterval);
        }

        if (_oldestDropped is { } dropped)
        {
            _oldestDropped = null;
            start = Min(start, Max(dropped, now - max));
        }

        return start;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>A row this instance claimed: when to fire it and its session as being read ahead (null: read it then).</summary>
    private sealed record Held(DeadlineEntry Claimed, Task<LoadedSession?>? Session, DateTimeOffset FireAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline scanner {InstanceId} started, interval {Interval}")]
    private static partial void LogStarted(ILogger logger, string instanceId, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} ended deadlines' index rows could not be removed; they will be ignored as stale")]
    private static partial void LogRemoveFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline scan failed; retrying at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
