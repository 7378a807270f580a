namespace GbbTeamsBot.Cards.Tests.Validation;

/// <summary>A fact that is skipped (with the reason shown) when no Chromium is installed for headless rendering.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumPath is null)
        {
            Skip = "Chromium not found (set CHROMIUM_PATH or install /usr/bin/chromium); card screenshots are not rendered.";
        }
    }

    public static string? ChromiumPath { get; } = Find();

    private static string? Find()
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"];
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
    }
}
