using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Consent;

/// <summary>
/// The person's consent as entered by a colleague: when it was given, until when it is valid, which agencies it
/// covers and whether it includes a release from confidentiality ("Schweigepflichtentbindung").
/// </summary>
public sealed record ConsentDraft(
    DateTimeOffset GivenAt,
    DateTimeOffset ValidUntil,
    IReadOnlyList<string> Agencies,
    bool IncludesReleaseFromConfidentiality);

/// <summary>A recorded consent: the draft plus who confirmed it in the session and when.</summary>
public sealed record ConsentRecord
{
    public required string ConfirmedById { get; init; }

    public required DateTimeOffset ConfirmedAt { get; init; }

    public required DateTimeOffset GivenAt { get; init; }

    public required DateTimeOffset ValidUntil { get; init; }

    public IReadOnlyList<string> Agencies { get; init; } = [];

    public bool IncludesReleaseFromConfidentiality { get; init; }

    public bool IsValidAt(DateTimeOffset now) => GivenAt <= now && now < ValidUntil;

    internal const int MaxAgencies = 20;

    internal static Rejection? Validate(ConsentDraft draft, DateTimeOffset now)
    {
        if (draft.GivenAt > now)
        {
            return Rejections.ConsentInvalid(new(
                "Das Datum der Einwilligung liegt in der Zukunft.",
                "The consent date lies in the future."));
        }

        if (draft.ValidUntil <= draft.GivenAt)
        {
            return Rejections.ConsentInvalid(new(
                "„Gültig bis“ muss nach dem Datum der Einwilligung liegen.",
                "'Valid until' must be after the date of consent."));
        }

        if (draft.ValidUntil <= now)
        {
            return Rejections.ConsentExpired();
        }

        if (draft.Agencies.Count > MaxAgencies)
        {
            return Rejections.ConsentInvalid(new(
                $"Höchstens {MaxAgencies} Stellen.",
                $"At most {MaxAgencies} agencies."));
        }

        return TextRules.Validate(
            draft.Agencies.Select((agency, i) => new TextInput($"agency{i}", new("Stelle", "Agency"), agency, TextRules.ShortTextMaxLength)),
            confirmedDespiteWarnings: false);
    }
}
