using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Privacy;

public enum PrivacyFindingKind
{
    PersonName,
    DateOfBirth,
    PhoneNumber,
    EmailAddress,
    Iban,
    CustomerNumber,
    StreetAddress,
    JudgementalWording,
}

/// <summary>
/// A likely problem in a free text, with its position (so a card can highlight it) and a hint the user can act
/// on. Findings carry no copy of the text on purpose, so they are safe to log by kind.
/// </summary>
public sealed record PrivacyFinding(PrivacyFindingKind Kind, int Start, int Length, Bilingual Hint)
{
    /// <summary>Which input field the position refers to, when a command carries several texts.</summary>
    public string? Field { get; init; }
}
