using GbbTeamsBot.Benchmarks.Privacy;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>The privacy checker's measured quality on the held-out part of the labelled corpus stays above the targets.</summary>
public sealed class PrivacyCorpusTests
{
    private static readonly IReadOnlyList<CorpusLine> Corpus =
        PrivacyCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Corpus", PrivacyCorpus.FileName));

    [Fact]
    public void Corpus_is_large_enough_split_per_line_and_has_at_least_as_many_clean_as_labelled_lines()
    {
        Assert.True(Corpus.Count >= 300, $"{Corpus.Count} lines");
        Assert.True(Corpus.Count(l => l.Expected is null) >= Corpus.Count(l => l.Expected is not null));
        Assert.Contains(Corpus, l => l.Split == PrivacyCorpus.Train);
        foreach (var kind in Enum.GetValues<Domain.Privacy.PrivacyFindingKind>())
        {
            Assert.Contains(Corpus, l => l.Split == PrivacyCorpus.HeldOut && l.Expected == kind);
        }
    }

    [Fact]
    public void Held_out_recall_and_false_alarms_meet_the_targets()
    {
        var result = PrivacyCorpus.Evaluate(Corpus.Where(l => l.Split == PrivacyCorpus.HeldOut));

        Assert.True(result.PersonalDataRecall >= CorpusResult.PersonalDataTarget, result.Summary);
        Assert.True(result.JudgementRecall >= CorpusResult.JudgementTarget, result.Summary);
        Assert.True(result.FalseAlarmRate <= CorpusResult.FalseAlarmLimit, result.Summary);
    }
}
