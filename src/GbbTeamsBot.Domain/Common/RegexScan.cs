using System.Text.RegularExpressions;

namespace GbbTeamsBot.Domain.Common;

/// <summary>
/// Runs a pattern that has a match timeout and keeps what it found before the timeout. Advisory checks (privacy
/// warnings) then degrade to fewer hints instead of failing the user's action with an exception.
/// </summary>
public static class RegexScan
{
    public static IReadOnlyList<Match> Matches(Regex pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Match>();
        try
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                found.Add(match);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Keep the matches found so far.
        }

        return found;
    }
}
