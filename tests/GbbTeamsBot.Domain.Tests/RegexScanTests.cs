using System.Text.RegularExpressions;
using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Tests;

public sealed class RegexScanTests
{
    [Fact]
    public void A_pattern_that_times_out_gives_the_matches_found_so_far_instead_of_an_exception()
    {
        var catastrophic = new Regex("(a+)+b|x", RegexOptions.None, TimeSpan.FromMilliseconds(20));
        var text = "x " + new string('a', 5_000) + "c";

        var matches = RegexScan.Matches(catastrophic, text);

        Assert.Equal(["x"], matches.Select(m => m.Value));
    }
}
