using System.Text.RegularExpressions;
using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Privacy;

/// <summary>
/// A pseudonymous case reference such as "Fall Ahorn-07". Never a name, a date or a customer number: the product
/// keeps no identifying data in Teams (method guide §5).
/// </summary>
public sealed partial record CaseReference
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    private static readonly HashSet<string> NeutralLeadWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Fall", "Team", "Vorhaben", "Projekt", "Gruppe", "Akte", "Case", "Project",
    };

    private CaseReference(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    private static readonly Bilingual Examples = new(
        "Bitte ein Pseudonym verwenden, z. B. „Fall Ahorn-07“ oder „Nord-3“.",
        "Please use a pseudonym, e.g. 'Fall Ahorn-07' or 'Nord-3'.");

    public static Outcome<CaseReference> Parse(string? raw)
    {
        var value = WhitespacePattern().Replace(raw ?? string.Empty, " ").Trim();
        if (value.Length < MinLength || value.Length > MaxLength)
        {
            return Reject(
                $"Das Fall-Pseudonym muss {MinLength} bis {MaxLength} Zeichen lang sein.",
                $"The case pseudonym must be {MinLength} to {MaxLength} characters long.");
        }

        if (!AllowedCharactersPattern().IsMatch(value))
        {
            return Reject(
                "Erlaubt sind Buchstaben, Ziffern, Leerzeichen sowie - _ . / #.",
                "Allowed are letters, digits, spaces and - _ . / #.");
        }

        if (value.Count(char.IsAsciiDigit) >= 5)
        {
            return Reject(
                "Das sieht aus wie eine Kunden- oder BG-Nummer. Nummern aus dem Fachverfahren gehören nicht in Teams.",
                "That looks like a customer or household (BG) number. Numbers from the case system do not belong in Teams.");
        }

        if (DateLikePattern().IsMatch(value))
        {
            return Reject(
                "Das sieht aus wie ein Datum. Geburtsdaten gehören nicht in ein Pseudonym.",
                "That looks like a date. Dates of birth do not belong in a pseudonym.");
        }

        var findings = PrivacyChecker.Check(value);
        if (findings.Count > 0)
        {
            return Rejections.InvalidCaseReference(
                new(
                    $"Das Pseudonym enthält möglicherweise personenbezogene Daten. {Examples.De}",
                    $"The pseudonym may contain personal data. {Examples.En}"),
                findings);
        }

        var words = WordPattern().Matches(value).Select(m => m.Value).ToList();
        if (words.Any(PrivacyChecker.IsKnownName))
        {
            return Reject(
                "Das sieht aus wie ein Vor- oder Nachname.",
                "That looks like a first name or surname.");
        }

        if (words.Count == 2
            && !value.Any(char.IsDigit)
            && words.All(w => w.Length >= 3 && char.IsUpper(w[0]))
            && !NeutralLeadWords.Contains(words[0]))
        {
            return Reject(
                "Zwei großgeschriebene Wörter sehen aus wie Vor- und Nachname.",
                "Two capitalised words look like a first name and surname.");
        }

        return Outcome<CaseReference>.Success(new CaseReference(value));
    }

    private static Rejection Reject(string de, string en) =>
        Rejections.InvalidCaseReference(new($"{de} {Examples.De}", $"{en} {Examples.En}"));

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"^[\p{L}\p{Mn}0-9 _./#-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedCharactersPattern();

    [GeneratedRegex(@"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex DateLikePattern();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
