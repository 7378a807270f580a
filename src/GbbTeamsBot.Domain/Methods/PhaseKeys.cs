namespace GbbTeamsBot.Domain.Methods;

/// <summary>Keys of the built-in methods' phases: stored in every session (PhaseRun.Key), so never renamed.</summary>
public static class PhaseKeys
{
    public const string Abschluss = "abschluss";

    public const string Ankommen = "ankommen";

    public const string Aufmerksamkeitsrichtung = "aufmerksamkeitsrichtung";

    public const string Eindruecke = "eindruecke";

    public const string Eingabe = "eingabe";

    public const string Eroeffnung = "eroeffnung";

    public const string Falleingabe = "falleingabe";

    public const string Festhalten = "festhalten";

    public const string Helferrunde = "helferrunde";

    public const string Ideen = "ideen";

    public const string NetzwerkVorhaben = "netzwerk-vorhaben";

    public const string Ressourcen = "ressourcen";

    public const string RessourcenLuecken = "ressourcen-luecken";

    public const string Ressourcensammlung = "ressourcensammlung";

    public const string SichtDerPerson = "sicht-der-person";

    public const string Situation = "situation";

    public const string Vereinbarung = "vereinbarung";

    public const string Vereinbarungen = "vereinbarungen";

    public const string Wille = "wille";

    public const string Zukunft = "zukunft";
}
