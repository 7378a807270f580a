namespace GbbTeamsBot.Domain.Common;

/// <summary>The two UI languages: German first, English second.</summary>
public enum Language
{
    German,
    English,
}

/// <summary>A text in German and English. German is the primary language of the product.</summary>
public sealed record Bilingual(string De, string En)
{
    public string In(Language language) => language == Language.English ? En : De;

    public override string ToString() => De;
}
