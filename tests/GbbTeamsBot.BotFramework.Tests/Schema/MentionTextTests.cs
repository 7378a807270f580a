using System.Diagnostics;
using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Tests.Schema;

public sealed class MentionTextTests
{
    [Theory]
    [InlineData("<at>GBB Bot</at> kb Ahorn-07", "kb Ahorn-07")]
    [InlineData("<AT id=\"0\">GBB</AT>   hilfe  <at>Anna</at>", "hilfe")]
    [InlineData("kein Tag", "kein Tag")]
    [InlineData("<at>offen ohne Ende", "<at>offen ohne Ende")]
    [InlineData("", "")]
    public void Mentions_are_removed_and_whitespace_collapsed(string text, string expected)
    {
        Assert.Equal(expected, MentionText.Strip(text));
    }

    [Theory]
    [InlineData("<at>")]
    [InlineData("<at ")]
    [InlineData("<at>x</at>")]
    public void A_mebibyte_of_mention_tags_is_stripped_in_linear_time_without_a_timeout(string tag)
    {
        var text = string.Concat(Enumerable.Repeat(tag, 1024 * 1024 / tag.Length)) + " hilfe";
        var watch = Stopwatch.StartNew();

        var stripped = MentionText.Strip(text);

        Assert.EndsWith("hilfe", stripped, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
