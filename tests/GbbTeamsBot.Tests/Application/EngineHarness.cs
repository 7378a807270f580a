using System.Collections.Concurrent;
using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Tests.Application;

[CollectionDefinition(Name)]
public sealed class ApplicationCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Application against Azurite";
}

/// <summary>One notifier call as seen by the Teams layer.</summary>
internal sealed record Notified(string Instance, string Method, string SessionId, int Version, ChangeSource Source, SessionEventKind? Kind, int? PhaseIndex, bool Late);

/// <summary>Records every notifier call (thread-safe); shared by several engine instances to count across them.</summary>
internal sealed class RecordingNotifier(string instance, ConcurrentQueue<Notified>? sink = null) : ISessionNotifier
{
    public ConcurrentQueue<Notified> Calls { get; } = sink ?? new ConcurrentQueue<Notified>();

    public Task OnStateChangedAsync(SessionNotification notification, CancellationToken cancellationToken) =>
        Add(nameof(OnStateChangedAsync), notification, null);

    public Task OnPhaseWarningAsync(SessionNotification notification, SessionEvent warning, CancellationToken cancellationToken) =>
        Add(nameof(OnPhaseWarningAsync), notification, warning);

    public Task OnPhaseOverdueAsync(SessionNotification notification, SessionEvent overdue, CancellationToken cancellationToken) =>
        Add(nameof(OnPhaseOverdueAsync), notification, overdue);

    public Task OnSessionEndWarningAsync(SessionNotification notification, SessionEvent warning, CancellationToken cancellationToken) =>
        Add(nameof(OnSessionEndWarningAsync), notification, warning);

    public Task OnAutoAdvancedAsync(SessionNotification notification, SessionEvent advanced, CancellationToken cancellationToken) =>
        Add(nameof(OnAutoAdvancedAsync), notification, advanced);

    /// <summary>Command changes reach the notifier in the background, after the answer: wait for them.</summary>
    public async Task<IReadOnlyList<Notified>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Calls.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        return Calls.ToList();
    }

    public IReadOnlyList<Notified> Deadlines(string sessionId) =>
        Calls.Where(c => c.SessionId == sessionId && c.Kind is not null).ToList();

    private Task Add(string method, SessionNotification n, SessionEvent? e)
    {
        Calls.Enqueue(new Notified(instance, method, n.Address.SessionId, n.Session.Version, n.Source, e?.Kind, e?.PhaseIndex, e?.Late ?? false));
        return Task.CompletedTask;
    }
}

/// <summary>
/// One engine "instance" (what one host process would hold): the application services over real storage, with its
/// own clock, notifier and scanner identity. Several instances over one Azurite act like several hosts.
/// </summary>
internal sealed class EngineInstance : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private bool _scannerStarted;

    public EngineInstance(
        string connectionString, string tablePrefix, TimeProvider time, string name, ISessionNotifier? notifier = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        Name = name;
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            ["Engine:DeadlineScanInterval"] = "00:00:01",
            ["Engine:StartupLookback"] = "01:00:00",
            ["Engine:InstanceId"] = name,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        services.AddSingleton(time);
        services.AddGbbStorage(config);
        services.AddGbbApplication(config);
        Notifier = notifier as RecordingNotifier ?? new RecordingNotifier(name);
        services.AddSingleton<ISessionNotifier>(notifier ?? Notifier);
        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider();

        // The background delivery of notifications, as the host runs it.
        Get<NotificationDispatcher>().StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        ScannerWait.Deliveries.AddOrUpdate(Scanner, Get<NotificationDispatcher>());
    }

    public string Name { get; }

    public RecordingNotifier Notifier { get; }

    /// <summary>Every log message of this instance (rendered), to check what happened inside.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public IServiceProvider Services => _provider;

    public SessionService Sessions => _provider.GetRequiredService<SessionService>();

    public TeamQueries Queries => _provider.GetRequiredService<TeamQueries>();

    public DeadlineScanner Scanner => _provider.GetRequiredService<DeadlineScanner>();

    public SessionStore Store => _provider.GetRequiredService<SessionStore>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public async Task StartScannerAsync()
    {
        await Scanner.StartAsync(CancellationToken.None);
        _scannerStarted = true;
    }

    public async Task StopScannerAsync()
    {
        if (_scannerStarted)
        {
            _scannerStarted = false;
            await Scanner.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopScannerAsync();
        await Get<NotificationDispatcher>().StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }

    public static string NewTablePrefix() => "T" + Guid.NewGuid().ToString("N")[..12];
}

internal static class ScannerWait
{
    /// <summary>Each scanner's notification queue: a scan counts as done once what it fired was delivered.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DeadlineScanner, NotificationDispatcher> Deliveries = new();

    /// <summary>Waits until <paramref name="condition"/> holds (e.g. a background notification arrived), at most a few seconds.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until every scanner has finished a scan and armed its timer after <paramref name="armedBefore"/>.</summary>
    public static async Task UntilArmedAsync(IReadOnlyList<DeadlineScanner> scanners, IReadOnlyList<long> armedBefore, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (scanners.Select((s, i) => s.ArmedCount > armedBefore[i]).Any(armed => !armed))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The deadline scanner did not finish a scan in time.");
            }

            await Task.Delay(10);
        }

        // Fired deadlines are announced in the background (persist, then talk): wait until that is done too.
        while (scanners.Any(s => Deliveries.TryGetValue(s, out var queue) && queue.Pending > 0))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The notifications of a scan were not delivered in time.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Moves the fake clock and waits until every scanner has scanned at the new time.</summary>
    public static async Task AdvanceAndScanAsync(FakeTimeProvider clock, TimeSpan by, params DeadlineScanner[] scanners)
    {
        var before = scanners.Select(s => s.ArmedCount).ToArray();
        clock.Advance(by);
        await UntilArmedAsync(scanners, before);
    }

    /// <summary>Waits for the first scan of freshly started scanners.</summary>
    public static Task FirstScanAsync(params DeadlineScanner[] scanners) =>
        UntilArmedAsync(scanners, scanners.Select(_ => 0L).ToArray());
}

/// <summary>Keeps rendered log messages in memory.</summary>
internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Enqueue(formatter(state, exception));
            }
        }
    }
}
