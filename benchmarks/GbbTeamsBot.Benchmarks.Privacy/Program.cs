using System.Globalization;
using GbbTeamsBot.Benchmarks.Privacy;

// Privacy checker quality: recall per kind and false alarms on the held-out part of the labelled German corpus.
// The training part is printed too (rules may be tuned on it); the verdict and the one-line summary use held-out only.
var path = Path.Combine(AppContext.BaseDirectory, "Corpus", PrivacyCorpus.FileName);
var corpus = PrivacyCorpus.Load(path);
Console.WriteLine($"Corpus: {corpus.Count} lines ({corpus.Count(l => l.Split == PrivacyCorpus.Train)} train, {corpus.Count(l => l.Split == PrivacyCorpus.HeldOut)} held-out), {corpus.Count(l => l.Expected is null)} clean");

foreach (var split in new[] { PrivacyCorpus.Train, PrivacyCorpus.HeldOut })
{
    var result = PrivacyCorpus.Evaluate(corpus.Where(l => l.Split == split));
    Console.WriteLine();
    Console.WriteLine(split == PrivacyCorpus.HeldOut ? "Held-out (reported):" : "Training (tuning only):");
    foreach (var kind in result.Kinds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Kind,-20} recall {kind.Recall,7:P1}  ({kind.Found}/{kind.Lines})"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"false alarms",-20}        {result.FalseAlarmRate,7:P1}  ({result.FalseAlarms}/{result.CleanLines} clean lines)"));
    if (split == PrivacyCorpus.Train)
    {
        foreach (var line in result.Missed)
        {
            Console.WriteLine($"  missed  line {line.LineNumber} ({line.Expected}): {line.Text}");
        }

        foreach (var line in result.Alarms)
        {
            Console.WriteLine($"  alarm   line {line.LineNumber}: {line.Text}");
        }
    }
    else
    {
        // Held-out lines are not listed, so tuning does not drift towards them; only their numbers.
        Console.WriteLine($"  missed lines: {string.Join(", ", result.Missed.Select(l => l.LineNumber))}; false alarms: {string.Join(", ", result.Alarms.Select(l => l.LineNumber))}");
        Console.WriteLine();
        Console.WriteLine("Summary (held-out): " + result.Summary);
        return result.MeetsTargets ? 0 : 1;
    }
}

return 1;
