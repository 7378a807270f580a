using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Benchmarks.Storage;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Storage;
using GbbTeamsBot.Storage.Tables;

// Usage: dotnet run -c Release --project benchmarks/GbbTeamsBot.Benchmarks.Storage [-- --seconds 3 --concurrency 8]
var settings = BenchmarkSettings.Parse(args);
Console.WriteLine($"Storage benchmark: {settings.Seconds} s per scenario, {settings.Concurrency} concurrent callers, Azurite on loopback (in memory).");

await using var azurite = await AzuriteTableService.StartAsync();
// The product's path: the SDK client with the product's options, behind the pre-send checks and error mapping.
var service = new TableServiceClient(azurite.ConnectionString, StorageSetup.DefaultClientOptions());
var tableName = "bench" + Guid.NewGuid().ToString("N")[..12];
var table = new CheckedTableClient(service.GetTableClient(tableName));
await table.CreateIfNotExistsAsync();

// Seed: 1,000 rows to read and 100 rows in a partition to query.
const int seedRows = 1000;
for (var start = 0; start < seedRows; start += 100)
{
    await table.SubmitTransactionAsync(Enumerable.Range(start, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("read", i))).ToArray());
}

await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("query", i))).ToArray());

var etags = new ETag[settings.Concurrency];
for (var worker = 0; worker < settings.Concurrency; worker++)
{
    etags[worker] = await table.UpsertReplaceAsync(Row("cond", worker));
}

var runner = new ScenarioRunner(settings);
var results = new List<ScenarioResult>
{
    await runner.RunAsync("point read", 1, async (worker, i) => await table.GetAsync("read", RowKey((worker * 7919 + i) % seedRows))),
    await runner.RunAsync("upsert", 1, async (worker, i) => await table.UpsertReplaceAsync(Row("upsert", worker * 1_000_000 + i))),
    await runner.RunAsync("conditional update", 1, async (worker, i) => etags[worker] = await table.UpdateReplaceAsync(Row("cond", worker, i), etags[worker])),
    await runner.RunAsync("partition query (100 rows)", 1, async (_, _) =>
    {
        var count = await table.QueryAsync(KeyFilters.PartitionKeyEquals("query")).CountAsync();
        if (count != 100)
        {
            throw new InvalidOperationException($"The query returned {count} rows instead of 100.");
        }
    }),
    await runner.RunAsync("batch (100 upserts)", 100, async (worker, i) =>
        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row($"batch-{worker}-{i}", r))).ToArray())),
};

await service.DeleteTableAsync(tableName);

Console.WriteLine();
Console.WriteLine($"{"scenario",-28} {"calls",8} {"calls/s",10} {"entities/s",11} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8} {"CPU µs/call",12} {"errors",7}");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Name,-28} {r.Calls,8} {r.CallsPerSecond,10:F0} {r.EntitiesPerSecond,11:F0} {r.P50,8:F2} {r.P90,8:F2} {r.P99,8:F2} {r.Max,8:F2} {r.CpuMicrosecondsPerCall,12:F0} {r.Errors,7}"));
}

Console.WriteLine();
Console.WriteLine("Summary: " + string.Join("; ", results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.CallsPerSecond:F0}/s p50 {r.P50:F1} ms p99 {r.P99:F1} ms cpu {r.CpuMicrosecondsPerCall:F0} µs"))) + $"; errors {results.Sum(r => r.Errors)}");
return results.Sum(r => r.Errors) == 0 ? 0 : 1;

static string RowKey(int i) => i.ToString("D7", CultureInfo.InvariantCulture);

static TableEntity Row(string partition, int i, int revision = 0) => new(partition, RowKey(i))
{
    ["Status"] = "running",
    ["Version"] = (long)revision,
    ["UpdatedAt"] = DateTimeOffset.UtcNow,
    ["Snapshot"] = "{\"phase\":\"ideas\",\"contributions\":12,\"text\":\"Kollegiale Beratung – Beispielinhalt für den Benchmark\"}",
};

namespace GbbTeamsBot.Benchmarks.Storage
{
    internal sealed record BenchmarkSettings(double Seconds, int Concurrency)
    {
        public static BenchmarkSettings Parse(string[] args)
        {
            double seconds = 3;
            var concurrency = 8;
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--seconds":
                        seconds = Math.Clamp(double.Parse(args[i + 1], CultureInfo.InvariantCulture), 0.5, 60);
                        break;
                    case "--concurrency":
                        concurrency = Math.Clamp(int.Parse(args[i + 1], CultureInfo.InvariantCulture), 1, 64);
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]}. Options: --seconds N, --concurrency N.");
                }
            }

            return new BenchmarkSettings(seconds, concurrency);
        }
    }

    internal sealed record ScenarioResult(string Name, int Calls, int Errors, double CallsPerSecond, double EntitiesPerSecond, double P50, double P90, double P99, double Max, double CpuMicrosecondsPerCall);

    /// <summary>
    /// Runs one operation from N concurrent callers for a fixed time (after a short warm-up) and keeps every latency,
    /// plus this process's CPU time per call (Azurite runs in its own process, so this is the client's cost only).
    /// </summary>
    internal sealed class ScenarioRunner(BenchmarkSettings settings)
    {
        public async Task<ScenarioResult> RunAsync(string name, int entitiesPerCall, Func<int, int, Task> operation)
        {
            // Warm-up: the same concurrent load for a third of the measured time, so JIT tiering and connection
            // pools settle before anything is counted.
            var warmUpEnd = Stopwatch.GetTimestamp() + (long)(settings.Seconds / 3 * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; Stopwatch.GetTimestamp() < warmUpEnd; i++)
                {
                    await operation(worker, 900_000 + i);
                }
            })));

            var latencies = new List<double>[settings.Concurrency];
            var errors = 0;
            var deadline = Stopwatch.GetTimestamp() + (long)(settings.Seconds * Stopwatch.Frequency);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
            {
                var own = latencies[worker] = new List<double>(4096);
                for (var i = 0; Stopwatch.GetTimestamp() < deadline; i++)
                {
                    var begin = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(worker, i);
                        own.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    }
                    catch (TableStorageException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            })));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds;
            var all = latencies.SelectMany(l => l).Order().ToArray();
            double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {all.Length} calls in {elapsed:F1} s"));
            return new ScenarioResult(name, all.Length, errors, all.Length / elapsed, all.Length * entitiesPerCall / elapsed, Percentile(0.50), Percentile(0.90), Percentile(0.99), all.Length == 0 ? double.NaN : all[^1], all.Length == 0 ? double.NaN : cpu / all.Length);
        }
    }
}
