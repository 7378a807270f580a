using System.Resources;

// The neutral resources (Resources/CardTexts.resx) are German; English lives in the "en" satellite.
[assembly: NeutralResourcesLanguage("de")]
