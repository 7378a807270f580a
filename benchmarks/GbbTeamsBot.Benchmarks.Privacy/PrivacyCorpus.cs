using System.Globalization;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Benchmarks.Privacy;

/// <summary>One labelled line: which part of the corpus it belongs to and the finding it must produce (null: none).</summary>
public sealed record CorpusLine(int LineNumber, string Split, PrivacyFindingKind? Expected, string Text);

/// <summary>Recall of one kind: lines of that kind that produced a finding of that kind.</summary>
public sealed record KindRecall(PrivacyFindingKind Kind, int Lines, int Found)
{
    public double Recall => Lines == 0 ? 1 : (double)Found / Lines;
}

/// <summary>
/// The figures for one part of the corpus. A labelled line counts as found only when the checker reports its kind; a
/// clean line with any finding is a false alarm.
/// </summary>
public sealed record CorpusResult(IReadOnlyList<KindRecall> Kinds, int CleanLines, int FalseAlarms, IReadOnlyList<CorpusLine> Missed, IReadOnlyList<CorpusLine> Alarms)
{
    public const double PersonalDataTarget = 0.97;
    public const double JudgementTarget = 0.90;
    public const double FalseAlarmLimit = 0.03;

    public double PersonalDataRecall => Ratio(Kinds.Where(k => k.Kind != PrivacyFindingKind.JudgementalWording));

    public double JudgementRecall => Ratio(Kinds.Where(k => k.Kind == PrivacyFindingKind.JudgementalWording));

    public double FalseAlarmRate => CleanLines == 0 ? 0 : (double)FalseAlarms / CleanLines;

    public bool MeetsTargets => PersonalDataRecall >= PersonalDataTarget && JudgementRecall >= JudgementTarget && FalseAlarmRate <= FalseAlarmLimit;

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"personal data recall {PersonalDataRecall:P1} (target >= {PersonalDataTarget:P0}), judgement recall {JudgementRecall:P1} (target >= {JudgementTarget:P0}), false alarms {FalseAlarmRate:P1} (limit <= {FalseAlarmLimit:P0}): {(MeetsTargets ? "targets met" : "TARGETS MISSED")}");

    private static double Ratio(IEnumerable<KindRecall> kinds)
    {
        var list = kinds.ToList();
        var lines = list.Sum(k => k.Lines);
        return lines == 0 ? 1 : (double)list.Sum(k => k.Found) / lines;
    }
}

public static class PrivacyCorpus
{
    public const string Train = "train";
    public const string HeldOut = "heldout";
    public const string FileName = "privacy-corpus.de.tsv";

    public static IReadOnlyList<CorpusLine> Load(string path)
    {
        var lines = new List<CorpusLine>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var parts = raw.Split('\t', 3);
            if (parts.Length != 3 || parts[0] is not (Train or HeldOut))
            {
                throw new InvalidDataException($"{FileName}:{number}: expected 'train|heldout<TAB>label<TAB>text'.");
            }

            PrivacyFindingKind? expected = parts[1] == "clean"
                ? null
                : Enum.TryParse<PrivacyFindingKind>(parts[1], out var kind) ? kind : throw new InvalidDataException($"{FileName}:{number}: unknown label '{parts[1]}'.");
            lines.Add(new CorpusLine(number, parts[0], expected, parts[2]));
        }

        return lines;
    }

    public static CorpusResult Evaluate(IEnumerable<CorpusLine> lines)
    {
        var missed = new List<CorpusLine>();
        var alarms = new List<CorpusLine>();
        var found = new Dictionary<PrivacyFindingKind, (int Lines, int Found)>();
        var clean = 0;
        foreach (var line in lines)
        {
            var findings = PrivacyChecker.Check(line.Text);
            if (line.Expected is not { } kind)
            {
                clean++;
                if (findings.Count > 0)
                {
                    alarms.Add(line);
                }

                continue;
            }

            var hit = findings.Any(f => f.Kind == kind);
            var (n, f) = found.GetValueOrDefault(kind);
            found[kind] = (n + 1, f + (hit ? 1 : 0));
            if (!hit)
            {
                missed.Add(line);
            }
        }

        var kinds = Enum.GetValues<PrivacyFindingKind>()
            .Where(found.ContainsKey)
            .Select(k => new KindRecall(k, found[k].Lines, found[k].Found))
            .ToList();
        return new CorpusResult(kinds, clean, alarms.Count, missed, alarms);
    }
}
