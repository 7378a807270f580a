using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Tests;

public sealed class PrivacyTests
{
    [Theory]
    [InlineData("Gespräch mit Jürgen Müller zur Ausbildung.", PrivacyFindingKind.PersonName)]
    [InlineData("Özlem Yılmaz möchte eine Umschulung.", PrivacyFindingKind.PersonName)]
    [InlineData("Max Mustermann war pünktlich.", PrivacyFindingKind.PersonName)]
    [InlineData("Laut Müller, Jürgen ist alles erledigt.", PrivacyFindingKind.PersonName)]
    [InlineData("Termin mit Frau Kaya vereinbart.", PrivacyFindingKind.PersonName)]
    [InlineData("geb. 12.03.1985, wohnt allein", PrivacyFindingKind.DateOfBirth)]
    [InlineData("Geburtsdatum: 1.2.2001", PrivacyFindingKind.DateOfBirth)]
    [InlineData("seit 03.04.1979 in Deutschland", PrivacyFindingKind.DateOfBirth)]
    [InlineData("Jahrgang 1990", PrivacyFindingKind.DateOfBirth)]
    [InlineData("erreichbar unter 0176 12345678", PrivacyFindingKind.PhoneNumber)]
    [InlineData("Tel. +49 30 1234567", PrivacyFindingKind.PhoneNumber)]
    [InlineData("Mail an person@example.org geschickt", PrivacyFindingKind.EmailAddress)]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00", PrivacyFindingKind.Iban)]
    [InlineData("Kundennummer 123D456789", PrivacyFindingKind.CustomerNumber)]
    [InlineData("BG-Nummer: 12345BG0012345", PrivacyFindingKind.CustomerNumber)]
    [InlineData("siehe 12345BG0012345", PrivacyFindingKind.CustomerNumber)]
    [InlineData("Kd.-Nr. 987654", PrivacyFindingKind.CustomerNumber)]
    [InlineData("wohnt Hauptstraße 12a", PrivacyFindingKind.StreetAddress)]
    [InlineData("Umzug nach 12345 Musterstadt", PrivacyFindingKind.StreetAddress)]
    [InlineData("Die Person ist unmotiviert.", PrivacyFindingKind.JudgementalWording)]
    [InlineData("wirkt faul und uneinsichtig", PrivacyFindingKind.JudgementalWording)]
    [InlineData("Wohnung verwahrlost", PrivacyFindingKind.JudgementalWording)]
    [InlineData("asoziales Umfeld", PrivacyFindingKind.JudgementalWording)]
    [InlineData("typischer Sozialschmarotzer", PrivacyFindingKind.JudgementalWording)]
    [InlineData("bildungsferne Familie", PrivacyFindingKind.JudgementalWording)]
    [InlineData("gilt als nicht vermittelbar", PrivacyFindingKind.JudgementalWording)]
    public void Likely_personal_data_and_judgemental_wording_are_found(string text, PrivacyFindingKind expected)
    {
        var findings = PrivacyChecker.Check(text);
        Assert.Contains(findings, f => f.Kind == expected);

        var finding = findings.First(f => f.Kind == expected);
        Assert.InRange(finding.Start, 0, text.Length - 1);
        Assert.InRange(finding.Start + finding.Length, 1, text.Length);
        Assert.False(string.IsNullOrWhiteSpace(finding.Hint.De));
        Assert.False(string.IsNullOrWhiteSpace(finding.Hint.En));
    }

    [Theory]
    [InlineData("Die Person möchte im Frühjahr eine Ausbildung in der Pflege beginnen.")]
    [InlineData("Die Schwester hilft bei der Kinderbetreuung; der Sportverein sucht Übungsleitende.")]
    [InlineData("Bis 15.03.2026 Bewerbung an den Pflegedienst schicken.")]
    [InlineData("Das Stadtteilzentrum an der Hauptstraße bietet dienstags ein Elterncafé an.")]
    [InlineData("Die Fahrt dauert 45 Minuten; zwei Kinder (6 und 9 Jahre) gehen zur Grundschule.")]
    [InlineData("Gesundheit: Termin bei der Hausärztin ist vereinbart, Maßnahme startet im Mai.")]
    [InlineData("Die Person hat in ihrer Heimat als Schneiderin gearbeitet und ist sehr zuverlässig.")]
    [InlineData("Die Nachbarin bringt die Tochter morgens zur Kita Sonnenschein.")]
    [InlineData("Öffnungszeiten der Tafel: Mo–Fr 10–12 Uhr, Kosten 2 Euro.")]
    [InlineData("Übermorgen Gespräch im Familienzentrum, Raum 204.")]
    public void Factual_texts_without_personal_data_pass(string text)
    {
        Assert.Empty(PrivacyChecker.Check(text));
    }

    [Theory]
    [InlineData("Fall Ahorn-07")]
    [InlineData("Nord-3")]
    [InlineData("Team Süd Fall 12")]
    [InlineData("Kastanie")]
    public void Pseudonyms_are_accepted(string raw)
    {
        var outcome = CaseReference.Parse(raw);
        Assert.True(outcome.IsSuccess, outcome.Rejection?.ToString());
        Assert.Equal(raw, outcome.Value!.Value);
    }

    [Theory]
    [InlineData("Max Mustermann")]
    [InlineData("Jürgen Müller")]
    [InlineData("Özlem Yılmaz")]
    [InlineData("Familie Schmidt")]
    [InlineData("Fall Max")]
    [InlineData("Waldemar Zielinski")]
    [InlineData("12.03.1985")]
    [InlineData("123D456789")]
    [InlineData("12345BG0012345")]
    [InlineData("Fall 4711815")]
    [InlineData("a@b.de")]
    [InlineData("x")]
    public void Names_dates_and_numbers_are_rejected_as_case_references_with_a_hint(string raw)
    {
        var outcome = CaseReference.Parse(raw);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(RejectionCode.InvalidCaseReference, outcome.Rejection!.Code);
        Assert.Contains("Pseudonym", outcome.Rejection.Message.De, StringComparison.Ordinal);
        Assert.Contains("pseudonym", outcome.Rejection.Message.En, StringComparison.Ordinal);
    }
}
