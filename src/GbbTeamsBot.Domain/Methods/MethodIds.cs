namespace GbbTeamsBot.Domain.Methods;

/// <summary>Stable method identifiers (stored in sessions; never rename).</summary>
public static class MethodIds
{
    public const string KollegialeBeratung = "kollegiale-beratung";
    public const string PartizipativeKollegialeBeratung = "partizipative-kollegiale-beratung";
    public const string Helferkonferenz = "helferkonferenz";
    public const string SozialraumRunde = "sozialraum-runde";
    public const string Sozialraumvorhaben = "sozialraumvorhaben";
    public const string Teamsitzung = "teamsitzung";
}
