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
    bool IncludesReleaseFromConfidentiality)
{
    /// <summary>Who gave the consent, by role only (pseudonymous): the person, or their legal representative.</summary>
    public ConsentGiver GivenBy { get; init; } = ConsentGiver.Person;

    /// <summary>What the consent is for, in a few words (e.g. "Abstimmung der Hilfen mit Jugendamt und Schule").</summary>
    public string? Purpose { get; init; }

    /// <summary>Whether the person takes part in the session themselves.</summary>
    public bool PersonTakesPart { get; init; }
}

/// <summary>Who gave the consent. Never a name: the record stays pseudonymous.</summary>
public enum ConsentGiver
{
    Person,
    LegalRepresentative,
}

/// <summary>A recorded consent: the draft plus who confirmed it in the session and when.</summary>
public sealed record ConsentRecord
{
    public required string ConfirmedById { get; init; }

    public required DateTimeOffset ConfirmedAt { get; init; }

    public required DateTimeOffset GivenAt { get; init; }

    public required DateTimeOffset ValidUntil { get; init; }

    public IReadOnlyList<string> Agencies { get; init; } = [];

    public bool IncludesReleaseFromConfidentiality { get; init; }

    public ConsentGiver GivenBy { get; init; } = ConsentGiver.Person;

    public string? Purpose { get; init; }

    public bool PersonTakesPart { get; init; }

    /// <summary>When the person withdrew the consent; a withdrawn consent never counts again.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Who documented the withdrawal (participant id).</summary>
    public string? WithdrawnById { get; init; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public bool IsValidAt(DateTimeOffset now) => !IsWithdrawn && GivenAt <= now && now < ValidUntil;

    /// <summary>The state the record shows.</summary>
    public ConsentState StateAt(DateTimeOffset now) =>
        IsWithdrawn ? ConsentState.Withdrawn : now >= ValidUntil ? ConsentState.Expired : ConsentState.Valid;

    internal const int MaxAgencies = 20;

    /// <summary>A consent is valid for at most a year; the help planning is reviewed before then.</summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(366);

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

        if (draft.ValidUntil - draft.GivenAt > MaxValidity)
        {
            return Rejections.ConsentInvalid(new(
                "Eine Einwilligung gilt höchstens ein Jahr. Bitte ein früheres „Gültig bis“ wählen.",
                "A consent is valid for at most one year. Please choose an earlier 'valid until'."));
        }

        if (draft.Agencies.Count > MaxAgencies)
        {
            return Rejections.ConsentInvalid(new(
                $"Höchstens {MaxAgencies} Stellen.",
                $"At most {MaxAgencies} agencies."));
        }

        var texts = draft.Agencies.Select((agency, i) => new TextInput($"agency{i}", new("Stelle", "Agency"), agency, TextRules.ShortTextMaxLength)).ToList();
        if (!string.IsNullOrWhiteSpace(draft.Purpose))
        {
            texts.Add(new TextInput("purpose", new("Zweck", "Purpose"), draft.Purpose, TextRules.ShortTextMaxLength));
        }

        return TextRules.Validate(texts, confirmedDespiteWarnings: false);
    }
}

/// <summary>What the record shows about a consent.</summary>
public enum ConsentState
{
    Valid,
    Expired,
    Withdrawn,
}
