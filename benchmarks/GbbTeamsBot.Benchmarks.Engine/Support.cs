using System.Collections.Concurrent;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Benchmarks.Engine;

internal sealed record EngineBenchmarkSettings(
    int Sessions, int MinPhase, int MaxPhase, int MinLead, int MaxLead, int ScanIntervalMs, int ClaimAheadMs, int Firings, int Batch, int CreateConcurrency, int ExtraWaitSeconds, int Seed)
{
    public static EngineBenchmarkSettings Parse(string[] args)
    {
        int Get(string name, int fallback, int min, int max)
        {
            var i = Array.IndexOf(args, "--" + name);
            if (i < 0)
            {
                return fallback;
            }

            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new ArgumentException($"--{name} needs a whole number from {min} to {max}.");
            }

            return value;
        }

        var settings = new EngineBenchmarkSettings(
            Get("sessions", 10_000, 1, 200_000),
            Get("min-phase", 60, 60, 270),
            Get("max-phase", 120, 60, 270),
            Get("min-lead", 10, 1, 50),
            Get("max-lead", 50, 1, 59),
            Get("scan-interval-ms", 1000, 50, 60_000),
            Get("claim-ahead-ms", 2000, 0, 300_000),
            Get("firings", 16, 1, 64),
            Get("batch", 256, 1, 5000),
            Get("create-concurrency", 16, 1, 256),
            Get("extra-wait", 120, 0, 3600),
            Get("seed", 20261121, 0, int.MaxValue));
        if (settings.MaxPhase < settings.MinPhase || settings.MaxLead < settings.MinLead)
        {
            throw new ArgumentException("--max-phase/--max-lead must not be below --min-phase/--min-lead.");
        }

        return settings;
    }
}

/// <summary>
/// One session of the run: a Sozialraum-Runde (10-minute total) with phases 0 and 1 of random length (the domain's
/// minimum phase is one minute), auto-advance, a random phase-warning lead and a session-end warning 20 s after phase 1
/// is planned to end. So within the run each session has 5 deadlines; phase 2's come later and are not waited for.
/// </summary>
internal sealed class SessionPlan
{
    public const string Moderator = "bench-mod";
    public const int DeadlinesPerSession = 5;

    /// <summary>The session-end warning counts whatever phase it fired in (phase 2 when phase 1 ended on time).</summary>
    public static readonly IReadOnlyList<(DeadlineKind, int)> ExpectedDeadlines =
    [
        (DeadlineKind.PhaseWarning, 0), (DeadlineKind.PhaseEnd, 0), (DeadlineKind.PhaseWarning, 1), (DeadlineKind.PhaseEnd, 1), (DeadlineKind.SessionEndWarning, 1),
    ];

    private SessionPlan(int index, CreateSessionRequest request)
    {
        Index = index;
        Request = request;
    }

    public int Index { get; }

    public CreateSessionRequest Request { get; }

    public SessionAddress? Address { get; set; }

    public static SessionPlan Random(int index, Random random, EngineBenchmarkSettings settings)
    {
        var p0 = TimeSpan.FromSeconds(random.Next(settings.MinPhase, settings.MaxPhase + 1));
        var p1 = TimeSpan.FromSeconds(random.Next(settings.MinPhase, settings.MaxPhase + 1));
        var total = TimeSpan.FromMinutes(10);
        var p2 = total - p0 - p1;
        var options = new SessionOptions
        {
            AutoAdvance = true,
            PhaseWarningLead = TimeSpan.FromSeconds(random.Next(settings.MinLead, settings.MaxLead + 1)),
            SessionWarningLead = total - (p0 + p1 + TimeSpan.FromSeconds(20)),
        };
        var team = "team-" + (index % 500).ToString("D3", CultureInfo.InvariantCulture);
        var request = new CreateSessionRequest("bench-tenant", team, "19:bench@thread.tacv2", Moderator, "Bench Moderation", MethodIds.SozialraumRunde)
        {
            SessionId = "s" + index.ToString("D6", CultureInfo.InvariantCulture),
            Options = options,
            PhasePlan = [p0, p1, p2],
        };
        return new SessionPlan(index, request);
    }
}

/// <summary>Counts deadline notifications from both scanners: distinct fired deadlines, duplicates, lateness at the call.</summary>
internal sealed class DeadlineTracker(TimeProvider time) : ISessionNotifier
{
    private readonly ConcurrentDictionary<(string Session, DeadlineKind Kind, int Phase), int> _seen = new();
    private readonly ConcurrentQueue<double> _lateness = new();
    private int _duplicates;

    public int Fired => _seen.Count;

    public int Duplicates => Volatile.Read(ref _duplicates);

    public IReadOnlyCollection<double> NotifyLatenessMs() => _lateness.ToArray();

    public Task OnStateChangedAsync(SessionNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Source != ChangeSource.Deadline)
        {
            return Task.CompletedTask;
        }

        // The deadlines fired by this save share one firing instant: the latest in the log.
        var now = time.GetUtcNow();
        var log = notification.Session.State.DeadlineLog;
        var firedAt = log.Max(d => d.FiredAt);
        foreach (var fired in log.Where(d => d.FiredAt == firedAt))
        {
            if (_seen.TryAdd((notification.Address.SessionId, fired.Kind, fired.PhaseIndex), 1))
            {
                _lateness.Enqueue((now - fired.DueAt).TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref _duplicates);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>One engine host: the application layer over the shared storage, with its own scanner identity.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private EngineHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public DeadlineScanner Scanner => Services.GetRequiredService<DeadlineScanner>();

    public NotificationDispatcher Notifications => Services.GetRequiredService<NotificationDispatcher>();

    /// <summary>The firing side of a host as it runs in the product: the scanner and the background notification queue.</summary>
    public async Task StartFiringAsync()
    {
        await Notifications.StartAsync(CancellationToken.None);
        await Scanner.StartAsync(CancellationToken.None);
    }

    public async Task StopFiringAsync()
    {
        await Scanner.StopAsync(CancellationToken.None);
        await Notifications.StopAsync(CancellationToken.None);
    }

    public static EngineHost Create(string connectionString, string prefix, string name, EngineBenchmarkSettings settings, ISessionNotifier notifier, StorageCallCounter? calls = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Engine:InstanceId"] = name,
            ["Engine:DeadlineScanInterval"] = TimeSpan.FromMilliseconds(settings.ScanIntervalMs).ToString("c", CultureInfo.InvariantCulture),
            ["Engine:MaxConcurrentFirings"] = settings.Firings.ToString(CultureInfo.InvariantCulture),
            ["Engine:MaxFiringsPerScan"] = settings.Batch.ToString(CultureInfo.InvariantCulture),
            ["Engine:DeadlineClaimAhead"] = TimeSpan.FromMilliseconds(settings.ClaimAheadMs).ToString("c", CultureInfo.InvariantCulture),
            ["Engine:StartupLookback"] = "00:10:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true));
        services.AddGbbStorage(config);
        services.AddGbbApplication(config);
        services.AddSingleton(notifier);
        if (calls is not null)
        {
            // The product's Table client with a counter of every HTTP request it sends.
            services.AddSingleton(sp =>
            {
                var clientOptions = StorageSetup.DefaultClientOptions();
                clientOptions.AddPolicy(calls, HttpPipelinePosition.PerRetry);
                return StorageSetup.CreateClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, clientOptions);
            });
        }

        return new EngineHost(services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}

/// <summary>
/// Counts the HTTP requests the scanner hosts' Table clients send (retries included), by kind: session point reads,
/// index queries, entity group transactions (session saves, claims, index writes and removals) and anything else.
/// </summary>
internal sealed class StorageCallCounter : HttpPipelinePolicy
{
    private long _reads;
    private long _queries;
    private long _batches;
    private long _other;

    public long Total => Reads + Queries + Batches + Other;

    public long Reads => Interlocked.Read(ref _reads);

    public long Queries => Interlocked.Read(ref _queries);

    public long Batches => Interlocked.Read(ref _batches);

    public long Other => Interlocked.Read(ref _other);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        var path = message.Request.Uri.Path;
        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _batches);
        }
        else if (message.Request.Method == RequestMethod.Get && path.EndsWith("()", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _queries);
        }
        else if (message.Request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref _reads);
        }
        else
        {
            Interlocked.Increment(ref _other);
        }
    }
}

/// <summary>Firing rates of a run from the stored deadline logs (due and firing instants), in 5-second windows.</summary>
internal sealed record FiringRate(double Average, double SpanSeconds, double Best5s, double SustainedAtP99Under1s, int Windows, int WindowsWithinTarget)
{
    private const double WindowSeconds = 5;

    public static FiringRate Of(IReadOnlyCollection<(DateTimeOffset DueAt, DateTimeOffset FiredAt)> firings)
    {
        if (firings.Count == 0)
        {
            return new FiringRate(0, 0, 0, 0, 0, 0);
        }

        var first = firings.Min(f => f.FiredAt);
        var span = Math.Max(WindowSeconds, (firings.Max(f => f.FiredAt) - first).TotalSeconds);
        var best = firings.GroupBy(f => Window(f.FiredAt, first)).Max(g => g.Count()) / WindowSeconds;

        // Offered load: the deadlines due in a window; kept up with when their p99 lateness stayed within a second.
        var start = firings.Min(f => f.DueAt);
        var windows = firings.GroupBy(f => Window(f.DueAt, start))
            .Select(g => (Rate: g.Count() / WindowSeconds, P99: P99(g.Select(f => (f.FiredAt - f.DueAt).TotalMilliseconds))))
            .ToList();
        var within = windows.Where(w => w.P99 <= 1000).ToList();
        return new FiringRate(firings.Count / span, span, best, within.Count == 0 ? 0 : within.Max(w => w.Rate), windows.Count, within.Count);
    }

    private static long Window(DateTimeOffset at, DateTimeOffset origin) => (long)Math.Floor((at - origin).TotalSeconds / WindowSeconds);

    private static double P99(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
