using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Common;

/// <summary>One free-text input of a command: its field key, label, value and limit.</summary>
public sealed record TextInput(string Field, Bilingual Label, string? Value, int MaxLength, bool Required = true);

/// <summary>Text limits and the shared validation every free text goes through (length, then privacy).</summary>
public static class TextRules
{
    public const int EntryMaxLength = 1_000;
    public const int FocusQuestionMaxLength = 500;
    public const int AgreementMaxLength = 500;
    public const int ShortTextMaxLength = 100;
    public const int ProtocolTextMaxLength = 4_000;

    /// <summary>
    /// Checks presence and length of every input, then looks for personal data and judgemental wording. Privacy
    /// findings reject unless the user confirmed to keep the text despite the warnings.
    /// </summary>
    public static Rejection? Validate(IEnumerable<TextInput> inputs, bool confirmedDespiteWarnings)
    {
        var list = inputs.ToList();
        foreach (var input in list)
        {
            var value = input.Value?.Trim() ?? string.Empty;
            if (value.Length == 0)
            {
                if (input.Required)
                {
                    return Rejections.TextMissing(input.Label);
                }

                continue;
            }

            if (value.Length > input.MaxLength)
            {
                return Rejections.TextTooLong(input.Label, input.MaxLength, value.Length);
            }
        }

        if (confirmedDespiteWarnings)
        {
            return null;
        }

        var findings = list
            .SelectMany(input => PrivacyChecker.Check(input.Value?.Trim()).Select(f => f with { Field = input.Field }))
            .ToList();
        return findings.Count > 0 ? Rejections.PrivacyWarning(findings) : null;
    }

    /// <summary>True when any input would raise a privacy warning (recorded as "kept despite warnings").</summary>
    public static bool HasFindings(IEnumerable<TextInput> inputs) =>
        inputs.Any(input => PrivacyChecker.Check(input.Value?.Trim()).Count > 0);

    internal static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
