using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using GbbTeamsBot.Application.Knowledge;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Domain.Knowledge;
using GbbTeamsBot.Storage;
using GbbTeamsBot.Storage.Repositories;

// Usage: dotnet run -c Release --project benchmarks/GbbTeamsBot.Benchmarks.Knowledge [-- --entries 5000 --searches 2000 --rounds 20]
var entries = Arg("--entries", 5000);
var searches = Arg("--searches", 2000);
var rounds = Arg("--rounds", 20);
const double targetP99 = 150;
Console.WriteLine($"Knowledge benchmark: one team with {entries:N0} entries over Azurite on loopback (in memory); {searches:N0} searches of 1-3 German words; {rounds} confirmed rounds of 30 entries folded in.");

await using var azurite = await AzuriteTableService.StartAsync();
var service = new TableServiceClient(azurite.ConnectionString, StorageSetup.DefaultClientOptions());
var tables = new StorageTables(service, "Bench" + Guid.NewGuid().ToString("N")[..8]);
var repository = new KnowledgeRepository(tables);
var scope = new TeamScope("tenant-bench", "team:19:bench@thread.tacv2");
var random = new Random(14);
var now = DateTimeOffset.UtcNow;

// Seed: entries written as the product stores them, 99 per transaction (with the team's stamp).
var seedWatch = Stopwatch.StartNew();
KnowledgeStamp? stamp = null;
for (var start = 0; start < entries; start += KnowledgeRepository.MaxChangesPerSave)
{
    var changes = Enumerable.Range(start, Math.Min(KnowledgeRepository.MaxChangesPerSave, entries - start)).Select(i =>
    {
        var draft = Vocabulary.Draft(random, i);
        var mention = new KnowledgeMention("seed-" + (i % 400).ToString(CultureInfo.InvariantCulture), now.AddDays(-random.Next(0, 500)));
        var entry = KnowledgeRules.Create("seed" + i.ToString("D6", CultureInfo.InvariantCulture), draft, "29:seed", now, mention, confirmedDespiteWarnings: true).GetValueOrThrow();
        return new KnowledgeEntryChange(entry.Id, KnowledgeService.Serialize(entry), null);
    }).ToList();
    (stamp, _) = await repository.SaveAsync(scope, changes, stamp, now);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {entries:N0} entries in {seedWatch.Elapsed.TotalSeconds:F1} s"));

// Cold: the first search of an instance reads the whole team (as after a start or another instance's change).
var knowledge = new KnowledgeService(repository, TimeProvider.System);
var cold = Stopwatch.StartNew();
var first = await knowledge.SearchAsync(scope, "Kinderbetreuung");
var coldMs = cold.Elapsed.TotalMilliseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cold index load + first search: {coldMs:F0} ms ({first.Count} hits)"));

// Warm searches: each one checks the team's stamp (one point read) and scans the in-memory index.
for (var i = 0; i < 50; i++)
{
    await knowledge.SearchAsync(scope, Vocabulary.Query(random));
}

var latencies = new double[searches];
var hits = 0L;
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var searchWatch = Stopwatch.StartNew();
for (var i = 0; i < searches; i++)
{
    var query = Vocabulary.Query(random);
    var started = Stopwatch.GetTimestamp();
    var result = await knowledge.SearchAsync(scope, query);
    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    hits += result.Count;
}

var searchSeconds = searchWatch.Elapsed.TotalSeconds;
var cpuPerSearch = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / searches;
Array.Sort(latencies);

// Folding: a confirmed round of 30 entries, a third of them already known (mentioned again), the rest new.
var folds = new double[rounds];
for (var r = 0; r < rounds; r++)
{
    var session = "round-" + r.ToString(CultureInfo.InvariantCulture);
    var items = Enumerable.Range(0, 30).Select(i =>
    {
        var draft = i < 10 ? Vocabulary.Draft(random, random.Next(entries)) : Vocabulary.Draft(random, entries + (r * 100) + i) with { Title = Vocabulary.NewTitle(random, r, i) };
        return new KnowledgeItem(draft, new KnowledgeMention(session, now));
    }).ToList();
    var started = Stopwatch.GetTimestamp();
    var outcome = await knowledge.FoldAsync(scope, items, "29:moderator");
    folds[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (!outcome.IsSuccess)
    {
        throw new InvalidOperationException("A fold was refused: " + outcome.Rejection);
    }
}

Array.Sort(folds);
var total = (await knowledge.IndexAsync(scope)).Count;

Console.WriteLine();
Console.WriteLine($"{"scenario",-34} {"n",6} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",8}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"search (1-3 words, warm)",-34} {searches,6} {P(latencies, 50),8:F2} {P(latencies, 90),8:F2} {P(latencies, 99),8:F2} {latencies[^1],8:F2}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"fold a confirmed round (30 entries)",-34} {rounds,6} {P(folds, 50),8:F1} {P(folds, 90),8:F1} {P(folds, 99),8:F1} {folds[^1],8:F1}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  searches/s {searches / searchSeconds:F0}, CPU {cpuPerSearch:F0} µs per search, {hits / (double)searches:F1} hits per search, {total:N0} entries at the end"));

var met = P(latencies, 99) <= targetP99;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Summary: {entries:N0} entries; search p50 {P(latencies, 50):F1} ms p99 {P(latencies, 99):F1} ms (target p99 <= {targetP99:F0} ms: {(met ? "met" : "MISSED")}); cold load {coldMs:F0} ms; fold of 30 entries p50 {P(folds, 50):F0} ms p99 {P(folds, 99):F0} ms"));
return met ? 0 : 1;

static double P(double[] sorted, double percentile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

/// <summary>German neighbourhood vocabulary: realistic titles, compounds and inflected forms for entries and queries.</summary>
internal static class Vocabulary
{
    private static readonly string[] Heads = ["Kinderbetreuung", "Sprachkurs", "Nachbarschaftscafé", "Familienzentrum", "Tafel", "Schuldnerberatung", "Bücherei", "Jugendtreff", "Seniorentreff", "Hausaufgabenhilfe", "Repair-Café", "Kleiderkammer", "Mietertreff", "Sportverein", "Elterncafé", "Beratungsstelle", "Buslinie", "Stadtteilbüro", "Bewerbungstraining", "Frauentreff"];
    private static readonly string[] Places = ["Lindenhof", "Nordstadt", "Südstadt", "am Markt", "Weststadt", "im Gemeindehaus", "an der Schule", "Hafenviertel", "Ostend", "Kirchplatz"];
    private static readonly string[] Extras = ["am Nachmittag", "für Alleinerziehende", "mit Übersetzung", "samstags", "ohne Anmeldung", "für Jugendliche", "in Türkisch und Arabisch", "abends", "mit Kinderbetreuung", "kostenlos"];
    private static readonly string[] QueryWords = ["Kinderbetreuung", "Betreuung", "Sprachkurse", "Sprachkurs", "Café", "Nachmittag", "Lindenhof", "Familie", "Jugendliche", "Schulden", "Beratung", "Tafel", "Bus", "Treff", "Senioren", "Übersetzung", "Straße", "Bewerbung", "Eltern", "Nordstadt"];

    public static KnowledgeDraft Draft(Random random, int i)
    {
        var category = (KnowledgeCategory)(i % 6);
        var title = $"{Heads[i % Heads.Length]} {Places[(i / Heads.Length) % Places.Length]} {Extras[(i / 7) % Extras.Length]} {i.ToString(CultureInfo.InvariantCulture)}";
        return new KnowledgeDraft(category, title, "Kurzbeschreibung: " + Extras[random.Next(Extras.Length)] + ", " + Heads[random.Next(Heads.Length)], Places[random.Next(Places.Length)], null, [Heads[random.Next(Heads.Length)]]);
    }

    /// <summary>A title no entry has yet: a made-up place name per round and item, so it is folded in as a new entry.</summary>
    public static string NewTitle(Random random, int round, int i)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "be", "so"];
        var n = (round * 30) + i + 1000;
        var word = string.Concat(Enumerable.Range(0, 4).Select(k => syllables[(n >> (3 * k)) & 7]));
        return $"{Heads[random.Next(Heads.Length)]} {char.ToUpperInvariant(word[0])}{word[1..]}";
    }

    public static string Query(Random random) => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => QueryWords[random.Next(QueryWords.Length)]));
}
