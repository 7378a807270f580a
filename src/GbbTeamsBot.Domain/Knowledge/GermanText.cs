using System.Globalization;
using System.Text;

namespace GbbTeamsBot.Domain.Knowledge;

/// <summary>
/// German-aware matching for the Sozialraumwissen, small on purpose: case, umlauts and ß are folded (ä/ae → a,
/// ß → ss), inflection endings are stripped by a light stemmer (Sprachkurse → sprachkurs, Betreuungen → betreuung),
/// and a term also matches a part of a compound (Betreuung finds Kinderbetreuung, Kinder finds Kinderbetreuung).
/// The folding follows Lucene's GermanNormalizationFilter and the stemmer its light German stemmer; compounds are
/// matched as head or modifier of a longer word instead of by a dictionary, which needs no word list and finds the
/// parts users type.
/// </summary>
public static class GermanText
{
    /// <summary>Shorter stems only match whole words (otherwise "bus" would find "Busch").</summary>
    public const int MinCompoundPartLength = 4;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "am", "im", "in",
        "an", "auf", "fur", "fuer", "mit", "von", "vom", "zu", "zum", "zur", "bei", "ist", "sind", "es", "gibt", "wir", "the",
        "and", "of", "for", "to", "a", "an", "wie", "was", "wer", "nach", "noch", "auch", "nicht", "kein", "keine", "fehlt",
        "fehlende", "fehlenden", "fehlender", "fehlendes", "mehr", "sehr", "viel", "viele", "neu", "neue", "neuer", "neues",
    };

    /// <summary>The stems of a text's words (folded, stemmed, stop words removed), in order.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        var folded = Fold(text);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var w = word.ToString();
            word.Clear();
            if (w.Length >= 2 && !StopWords.Contains(w))
            {
                terms.Add(Stem(w));
            }
        }

        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return terms;
    }

    /// <summary>Lower case, ä/ö/ü and ae/oe/ue to a/o/u, ß to ss, other accents removed.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Replace("ẞ", "ss", StringComparison.Ordinal);
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        // Written-out umlauts (Strasse, Muenchen) fold like the umlauts themselves; "ue" after "q" (Quelle) stays.
        for (var i = builder.Length - 2; i >= 0; i--)
        {
            if (builder[i + 1] == 'e' && builder[i] is 'a' or 'o' or 'u' && !(builder[i] == 'u' && i > 0 && builder[i - 1] == 'q'))
            {
                builder.Remove(i + 1, 1);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The light German stemmer of Savoy (as in Lucene's GermanLightStemmer) on a folded word: case and plural
    /// endings off in two steps (Sprachkurse and Sprachkurs → sprachkurs, Kindern → kind, Nachmittags → nachmittag).
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var length = Step2(word, Step1(word, word.Length));
        return word[..length];
    }

    private static int Step1(string s, int len)
    {
        if (len > 5 && s[len - 3] == 'e' && s[len - 2] == 'r' && s[len - 1] == 'n')
        {
            return len - 3;
        }

        if (len > 4 && s[len - 2] == 'e' && s[len - 1] is 'm' or 'n' or 'r' or 's')
        {
            return len - 2;
        }

        if (len > 3 && s[len - 1] == 'e')
        {
            return len - 1;
        }

        return len > 3 && s[len - 1] == 's' && IsStEnding(s[len - 2]) ? len - 1 : len;
    }

    private static int Step2(string s, int len)
    {
        if (len > 5 && s[len - 3] == 'e' && s[len - 2] == 's' && s[len - 1] == 't')
        {
            return len - 3;
        }

        if (len > 4 && s[len - 2] == 'e' && s[len - 1] is 'r' or 'n')
        {
            return len - 2;
        }

        return len > 4 && s[len - 2] == 's' && s[len - 1] == 't' && IsStEnding(s[len - 3]) ? len - 2 : len;
    }

    private static bool IsStEnding(char c) => c is 'b' or 'd' or 'f' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 't';

    /// <summary>
    /// How well a query stem matches a word stem: 3 for the same stem, 2 when the query is the head or the modifier of a
    /// compound (Kinder|betreuung), 1 when it is an inner part (Nachmittags|betreuungs|angebot), 0 for no match.
    /// </summary>
    public static int Match(string queryStem, string wordStem)
    {
        ArgumentNullException.ThrowIfNull(queryStem);
        ArgumentNullException.ThrowIfNull(wordStem);
        if (queryStem.Length == 0)
        {
            return 0;
        }

        if (string.Equals(queryStem, wordStem, StringComparison.Ordinal))
        {
            return 3;
        }

        if (queryStem.Length < MinCompoundPartLength || wordStem.Length <= queryStem.Length)
        {
            return 0;
        }

        if (wordStem.EndsWith(queryStem, StringComparison.Ordinal) || wordStem.StartsWith(queryStem, StringComparison.Ordinal))
        {
            return 2;
        }

        return wordStem.Contains(queryStem, StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>Similarity of two titles (Jaccard on stems, compound parts counting): 1 for the same words.</summary>
    public static double Similarity(string a, string b) =>
        Similarity(Terms(a).Distinct().ToList(), Terms(b).Distinct().ToList());

    /// <summary>Similarity of two lists of distinct stems (see <see cref="Similarity(string, string)"/>).</summary>
    public static double Similarity(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var common = 0;
        foreach (var l in left)
        {
            foreach (var r in right)
            {
                if (Match(l, r) > 1 || Match(r, l) > 1)
                {
                    common++;
                    break;
                }
            }
        }

        return (double)common / (left.Count + right.Count - common);
    }
}
