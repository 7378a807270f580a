using System.Globalization;
using System.Text.RegularExpressions;
using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Privacy;

/// <summary>
/// Finds likely personal data and judgemental or deficit wording in free text (method guide §5: facts only, no
/// labels, pseudonymous cases). The result is a list of warnings the user can act on: rephrase, or confirm to keep.
/// Heuristic by design; it errs towards warning, never blocks on its own.
/// </summary>
/// <remarks>
/// Dates: only likely dates of birth are flagged (a birth keyword such as "geb." or a child such as "Kind 1:" just
/// before it, or a full date whose year lies between 1900 and 2012), so that due dates like "bis 15.03.2026" stay unflagged.
/// Names: a known first name followed by a capitalised word, a capitalised word before a known surname,
/// "Surname, Firstname", "Frau/Herr X", "Familie X", a role with a name ("der Vater, X Y") and two capitalised words
/// opening a sentence before a verb ("Leonie Becker hat ..."), with function words and common nouns excluded.
/// </remarks>
public static partial class PrivacyChecker
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    // A guard against pathological input, not a performance budget: texts are at most a few thousand characters and
    // the patterns are linear, but a wall-clock limit also fires when the machine is busy, so it is generous.
    private const int TimeoutMs = 2000;

    public static IReadOnlyList<PrivacyFinding> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var findings = new List<PrivacyFinding>();
        void Add(PrivacyFindingKind kind, int start, int length)
        {
            var end = start + length;
            if (findings.Any(f => start < f.Start + f.Length && f.Start < end))
            {
                return;
            }

            findings.Add(new PrivacyFinding(kind, start, length, HintFor(kind)));
        }

        // Order matters: more specific patterns claim their span first.
        foreach (Match m in RegexScan.Matches(EmailPattern(), text))
        {
            Add(PrivacyFindingKind.EmailAddress, m.Index, m.Length);
        }

        foreach (Match m in RegexScan.Matches(IbanPattern(), text))
        {
            Add(PrivacyFindingKind.Iban, m.Index, m.Length);
        }

        foreach (var pattern in new[] { CustomerNumberKeywordPattern(), BgNumberPattern(), CustomerNumberFormatPattern(), SocialSecurityNumberPattern() })
        {
            foreach (Match m in RegexScan.Matches(pattern, text))
            {
                Add(PrivacyFindingKind.CustomerNumber, m.Index, m.Length);
            }
        }

        foreach (Match m in RegexScan.Matches(BirthYearPattern(), text))
        {
            Add(PrivacyFindingKind.DateOfBirth, m.Index, m.Length);
        }

        foreach (var pattern in new[] { NumericDatePattern(), IsoDatePattern(), WrittenDatePattern() })
        {
            foreach (Match m in RegexScan.Matches(pattern, text))
            {
                if (LooksLikeBirthDate(text, m))
                {
                    Add(PrivacyFindingKind.DateOfBirth, m.Index, m.Length);
                }
            }
        }

        foreach (var pattern in new[] { InternationalPhonePattern(), NationalPhonePattern(), SpacedPhonePattern() })
        {
            foreach (Match m in RegexScan.Matches(pattern, text))
            {
                var digits = m.Value.Count(char.IsAsciiDigit);
                if (digits is >= 7 and <= 15)
                {
                    Add(PrivacyFindingKind.PhoneNumber, m.Index, m.Length);
                }
            }
        }

        foreach (var pattern in new[] { StreetWithNumberPattern(), SeparateStreetWithNumberPattern(), PostalCodePattern() })
        {
            foreach (Match m in RegexScan.Matches(pattern, text))
            {
                Add(PrivacyFindingKind.StreetAddress, m.Index, m.Length);
            }
        }

        // Streets without a suffix ("im Holtenser Berg 23"): a place preposition, capitalised words and a house number
        // that ends the phrase, unless the last word names a room, a phase or a time ("im Raum 3", "in Phase 2").
        foreach (Match m in RegexScan.Matches(PrepositionStreetPattern(), text))
        {
            if (!NotAStreet.Contains(m.Groups["word"].Value))
            {
                Add(PrivacyFindingKind.StreetAddress, m.Index, m.Length);
            }
        }

        foreach (Match m in RegexScan.Matches(FirstNameFollowedByWordPattern(), text))
        {
            if (NameLists.FirstNames.Contains(m.Groups["first"].Value))
            {
                Add(PrivacyFindingKind.PersonName, m.Index, m.Groups["first"].Length + m.Groups["gap"].Length + m.Groups["last"].Length);
            }
        }

        foreach (Match m in RegexScan.Matches(SurnameCommaFirstNamePattern(), text))
        {
            if (NameLists.FirstNames.Contains(m.Groups["first"].Value))
            {
                Add(PrivacyFindingKind.PersonName, m.Index, m.Length);
            }
        }

        foreach (Match m in RegexScan.Matches(TitleAndNamePattern(), text))
        {
            Add(PrivacyFindingKind.PersonName, m.Index, m.Length);
        }

        foreach (Match m in RegexScan.Matches(FamilyNamePattern(), text))
        {
            Add(PrivacyFindingKind.PersonName, m.Index, m.Length);
        }

        // Any capitalised word before a known surname ("Dariusz Nowak"), unless it is a German function word.
        foreach (Match m in RegexScan.Matches(WordBeforeSurnamePattern(), text))
        {
            if (NameLists.Surnames.Contains(m.Groups["last"].Value) && !NotAFirstName.Contains(m.Groups["first"].Value))
            {
                Add(PrivacyFindingKind.PersonName, m.Groups["first"].Index, m.Groups["last"].Index + m.Groups["last"].Length - m.Groups["first"].Index);
            }
        }

        // Names outside the lists: two capitalised words opening a sentence (or after "mit"/"bei") followed by a
        // lower-case verb, as in "Leonie Becker hat ...". Function words and common nouns are excluded.
        foreach (Match m in RegexScan.Matches(SentenceSubjectNamePattern(), text))
        {
            var first = m.Groups["first"].Value;
            var last = m.Groups["last"].Value;
            if (!NotAFirstName.Contains(first) && LooksLikeName(first) && LooksLikeName(last))
            {
                Add(PrivacyFindingKind.PersonName, m.Groups["first"].Index, m.Groups["last"].Index + last.Length - m.Groups["first"].Index);
            }
        }

        // Role, comma, name: "Der Vater, Dariusz Nowak, arbeitet", "Der Sohn Noah Fischer".
        foreach (Match m in RegexScan.Matches(RoleAppositionNamePattern(), text))
        {
            if (LooksLikeName(m.Groups["first"].Value) && LooksLikeName(m.Groups["last"].Value))
            {
                Add(PrivacyFindingKind.PersonName, m.Groups["first"].Index, m.Groups["last"].Index + m.Groups["last"].Length - m.Groups["first"].Index);
            }
        }

        foreach (var pattern in new[] { JudgementalAdjectivePattern(), JudgementalNounPattern(), JudgementalPhrasePattern(), DeficitPhrasePattern() })
        {
            foreach (Match m in RegexScan.Matches(pattern, text))
            {
                Add(PrivacyFindingKind.JudgementalWording, m.Index, m.Length);
            }
        }

        foreach (Match m in RegexScan.Matches(LongNumberPattern(), text))
        {
            Add(PrivacyFindingKind.CustomerNumber, m.Index, m.Length);
        }

        return [.. findings.OrderBy(f => f.Start)];
    }

    /// <summary>True when a single word is a known first name or surname (used for pseudonym validation).</summary>
    internal static bool IsKnownName(string word) =>
        NameLists.FirstNames.Contains(word) || NameLists.Surnames.Contains(word);

    internal static Bilingual HintFor(PrivacyFindingKind kind) => kind switch
    {
        PrivacyFindingKind.PersonName => new(
            "Sieht aus wie ein Name. Bitte keine Namen eintragen – schreiben Sie „die Person“, „der Sohn“, „eine Nachbarin“.",
            "Looks like a name. Please do not enter names – write 'the person', 'the son', 'a neighbour'."),
        PrivacyFindingKind.DateOfBirth => new(
            "Sieht aus wie ein Geburtsdatum. Bitte weglassen oder nur das Alter in Jahren nennen, wenn es für die Beratung nötig ist.",
            "Looks like a date of birth. Please leave it out, or give the age in years if the consultation needs it."),
        PrivacyFindingKind.PhoneNumber => new(
            "Sieht aus wie eine Telefonnummer. Kontaktdaten gehören in die Fallakte, nicht in Teams.",
            "Looks like a phone number. Contact details belong in the case file, not in Teams."),
        PrivacyFindingKind.EmailAddress => new(
            "Enthält eine E-Mail-Adresse. Kontaktdaten gehören in die Fallakte, nicht in Teams.",
            "Contains an e-mail address. Contact details belong in the case file, not in Teams."),
        PrivacyFindingKind.Iban => new(
            "Enthält eine Bankverbindung (IBAN). Bitte entfernen.",
            "Contains bank details (IBAN). Please remove them."),
        PrivacyFindingKind.CustomerNumber => new(
            "Sieht aus wie eine Kunden-, BG- oder Aktennummer. Bitte nur das Fall-Pseudonym verwenden.",
            "Looks like a customer, household (BG) or file number. Please use the case pseudonym only."),
        PrivacyFindingKind.StreetAddress => new(
            "Sieht aus wie eine Anschrift. Bitte keine Adressen eintragen; Orte im Sozialraum ohne Hausnummer sind in Ordnung.",
            "Looks like an address. Please do not enter addresses; places in the neighbourhood without a house number are fine."),
        PrivacyFindingKind.JudgementalWording => new(
            "Wertende oder abwertende Formulierung. Bitte beobachtbare Tatsachen oder den Willen der Person beschreiben (statt „unmotiviert“ z. B.: „möchte derzeit keine Maßnahme beginnen“).",
            "Judgemental or deficit wording. Please describe observable facts or the person's will (instead of 'unmotivated', e.g.: 'does not want to start a programme at the moment')."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Capitalised words that open sentences or precede names without being first names.</summary>
    private static readonly HashSet<string> NotAFirstName = new(StringComparer.OrdinalIgnoreCase)
    {
        "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Einen", "Einem", "Kein", "Keine", "Mit", "Bei",
        "Von", "Vom", "Für", "Zu", "Zum", "Zur", "An", "Am", "Im", "In", "Auf", "Aus", "Nach", "Vor", "Unter", "Über",
        "Seit", "Ab", "Bis", "Und", "Oder", "Aber", "Auch", "Nur", "Noch", "Jetzt", "Heute", "Morgen", "Gestern", "Dann",
        "Sie", "Er", "Es", "Wir", "Ihr", "Ich", "Man", "Sein", "Seine", "Ihre", "Unser", "Unsere", "Dieser", "Diese",
        "Dieses", "Jeder", "Jede", "Alle", "Viele", "Wegen", "Laut", "Fall", "Frau", "Herr", "Herrn", "Familie",
        "Bäckerei", "Praxis", "Firma", "Kita", "Schule", "Stadt", "Landkreis", "Ressource", "Vereinbarung", "Idee", "Ideen",
        "Phase", "Ampel", "Termin", "Nächster", "Nächste", "Offene", "Neue", "Neuer", "Beteiligt", "Beteiligte",
        // Sentence openers of case notes and agendas.
        "Übermorgen", "Vorgestern", "Demnächst", "Danach", "Zuerst", "Zunächst", "Außerdem", "Deshalb", "Trotzdem",
        "Leider", "Bitte", "Wichtig", "Hinweis", "Thema", "Ziel", "Anliegen", "Stand", "Ergebnis", "Frage", "Auftrag",
        "Beobachtung", "Eindruck", "Nachtrag", "Wunsch", "Gespräch", "Telefonat", "Treffen", "Besuch", "Hausbesuch",
        "Montags", "Dienstags", "Mittwochs", "Donnerstags", "Freitags", "Samstags", "Sonntags", "Morgens", "Abends",
        "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Heute", "Vormittags", "Nachmittags",
    };

    /// <summary>Words before a number that name something other than a street.</summary>
    private static readonly HashSet<string> NotAStreet = new(StringComparer.OrdinalIgnoreCase)
    {
        "Raum", "Räume", "Zimmer", "Saal", "Stock", "Etage", "Gebäude", "Haus", "Block", "Jahr", "Jahre", "Monat", "Woche",
        "Phase", "Schritt", "Gruppe", "Kurs", "Modul", "Kapitel", "Teil", "Punkt", "Klasse", "Alter", "Paragraf",
        "Paragraph", "Termin", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
        "Bus", "Linie", "Gleis", "Level", "Stufe", "Pflegegrad", "Team", "Bereich",
    };

    /// <summary>Common German noun endings: a word ending so is a thing or an institution, not a name.</summary>
    private static readonly string[] NounEndings =
    [
        "ung", "heit", "keit", "schaft", "tion", "sion", "tät", "zentrum", "amt", "stelle", "büro", "treff", "haus", "verein",
        "träger", "dienst", "hilfe", "beratung", "gruppe", "runde", "kurs", "person", "arbeit", "kasse", "werk", "werke",
        "management", "agentur", "genossenschaft", "behörde", "gemeinde", "schule", "café", "markt", "platz", "ort", "kind",
        "kinder", "team", "leitung", "ismus", "nis", "ment",
    ];

    private static bool LooksLikeName(string word) =>
        word.Length is >= 2 and <= 24
        && !NounEndings.Any(e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase))
        && !word.Any(char.IsDigit);

    private static bool LooksLikeBirthDate(string text, Match date)
    {
        var before = text[Math.Max(0, date.Index - 25)..date.Index];
        if (BirthContextPattern().IsMatch(before))
        {
            return true;
        }

        var yearText = date.Groups["y"].Value;
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        if (yearText.Length == 2)
        {
            // Two-digit years from 30 on read as 19xx: almost certainly a birth date, not an appointment.
            return year >= 30;
        }

        return year is >= 1900 and <= 2012;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Options, TimeoutMs)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b", Options, TimeoutMs)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?i)\b(?:Kunden-?(?:nummer|nr\.?)|Kd\.?-?Nr\.?|BG-?(?:Nummer|Nr\.?)|Bedarfsgemeinschafts-?(?:nummer|nr\.?)|Aktenzeichen|Az\.|(?:Renten|Sozial)?versicherungs-?nummer|SV-?(?:Nummer|Nr\.?)|Steuer-?ID|(?:Personal)?ausweis-?nummer)(?:[ ]*[:.#]?[ ]*)(?:[A-Z0-9/-]{1,6}[ ]){0,3}[A-Za-z0-9/-]*\d[A-Za-z0-9/-]*", Options, TimeoutMs)]
    private static partial Regex CustomerNumberKeywordPattern();

    [GeneratedRegex(@"(?i)\b\d{5}[ ]?BG[ ]?\d{5,7}\b", Options, TimeoutMs)]
    private static partial Regex BgNumberPattern();

    [GeneratedRegex(@"\b\d{3}[A-Z]\d{6}\b", Options, TimeoutMs)]
    private static partial Regex CustomerNumberFormatPattern();

    [GeneratedRegex(@"\b\d{2}[ ]?\d{6}[ ]?[A-Z][ ]?\d{3}\b", Options, TimeoutMs)]
    private static partial Regex SocialSecurityNumberPattern();

    [GeneratedRegex(@"(?i)\b(?:Jahrgang|Jg\.|geb\.|geboren(?:[ ]+im(?:[ ]+Jahr)?)?)[ ]*(?:19|20)\d{2}\b", Options, TimeoutMs)]
    private static partial Regex BirthYearPattern();

    [GeneratedRegex(@"(?<![\d.])(?<d>0?[1-9]|[12]\d|3[01])\.[ ]?(?<m>0?[1-9]|1[0-2])\.[ ]?(?<y>\d{4}|\d{2})(?![\d])", Options, TimeoutMs)]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"\b(?<y>\d{4})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])\b", Options, TimeoutMs)]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"(?i)\b(?<d>0?[1-9]|[12]\d|3[01])\.?[ ]+(?:Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)[ ]+(?<y>\d{4})\b", Options, TimeoutMs)]
    private static partial Regex WrittenDatePattern();

    [GeneratedRegex(@"(?i)(?:geb\.|geboren|geburtsdatum|geburtstag|geb\.-?dat\.?|\*|(?<![\p{L}])(?:Kind(?:[ ]\d{1,2})?|Sohn|Tochter|Enkel|Enkelin))[ :,(]*(?:am[ ]+)?$", Options, TimeoutMs)]
    private static partial Regex BirthContextPattern();

    [GeneratedRegex(@"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[ /.-]?(?:\(0\)[ ]?)?\d{2,5}(?:[ /.-]?\d{2,}){1,4}", Options, TimeoutMs)]
    private static partial Regex InternationalPhonePattern();

    [GeneratedRegex(@"(?<![\w.,/])\(?0[1-9]\d{1,4}\)?(?:[ /-]{1,3})?\d{3,}(?:[ -]?\d{2,})*", Options, TimeoutMs)]
    private static partial Regex NationalPhonePattern();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}-]*(?i:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|steig|pfad)[ ]?\d{1,4}[ ]?[a-zA-Z]?\b", Options, TimeoutMs)]
    private static partial Regex StreetWithNumberPattern();

    [GeneratedRegex(@"\b(?:\p{Lu}[\p{L}-]*[ ]){1,3}(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee)[ ]\d{1,4}[ ]?[a-zA-Z]?\b", Options, TimeoutMs)]
    private static partial Regex SeparateStreetWithNumberPattern();

    [GeneratedRegex(@"(?<![\d])\d{5}[ ]+\p{Lu}\p{Ll}{2,}", Options, TimeoutMs)]
    private static partial Regex PostalCodePattern();

    // Lookahead for the surname so that every capitalised word gets its turn as a first-name candidate.
    [GeneratedRegex(@"(?<![\p{L}-])(?<first>\p{Lu}\p{Ll}+)(?=(?<gap>[ \t]+)(?<last>\p{Lu}[\p{L}'’-]*\p{Ll}))", Options, TimeoutMs)]
    private static partial Regex FirstNameFollowedByWordPattern();

    [GeneratedRegex(@"(?<![\p{L}-])\p{Lu}[\p{L}'’-]*\p{Ll},[ \t]*(?<first>\p{Lu}\p{Ll}+)(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex SurnameCommaFirstNamePattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:Frau|Herrn?|Fr\.|Hr\.)[ \t]+(?:Dr\.[ \t]+)?\p{Lu}[\p{L}'’-]*\p{Ll}(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex TitleAndNamePattern();

    [GeneratedRegex(@"(?i)(?<![\p{L}])(?:unmotiviert|faul|verwahrlost|asozial|bildungsfern|uneinsichtig|arbeitsscheu|renitent|ungepflegt|beratungsresistent|lernunwillig|arbeitsunwillig|integrationsunwillig|kooperationsunwillig|unvermittelbar|dumm|primitiv|minderbemittelt|hoffnungslos|lazy|unmotivated|antisocial|unemployable)(?:e|en|er|es|em|heit|keit)?(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex JudgementalAdjectivePattern();

    [GeneratedRegex(@"(?i)(?<![\p{L}])(?:Sozialschmarotzer|Schmarotzer|Asoziale|Drückeberger|Faulenzer|Querulant|Sozialfall|Totalverweigerer|Leistungsverweigerer|Problem(?:fall|familie|kunde|kundin|kind|jugendliche)|Säufer|Junkie|Alki|Assi|scrounger)\p{Ll}*(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex JudgementalNounPattern();

    [GeneratedRegex(@"(?i)(?<![\p{L}])(?:nicht[ ]+vermittelbar|hoffnungsloser[ ]+Fall|keinen[ ]+Bock|hopeless[ ]+case)(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex JudgementalPhrasePattern();

    [GeneratedRegex(@"(?<![\d.,])\d{6,}(?![\d.,])", Options, TimeoutMs)]
    private static partial Regex LongNumberPattern();

    // A phone number written in groups: a leading 0, 00, + or "(0", then digits with spaces, slashes or dashes.
    [GeneratedRegex(@"(?<![\w.,/:+])(?:\+|\(0|0)[ ]?\d[\d ()/-]{4,24}\d(?![\d.,:])", Options, TimeoutMs)]
    private static partial Regex SpacedPhonePattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:[Ii]m|[Aa]m|[Bb]eim|[Zz]ur|[Zz]um|(?:[Aa]uf|[Aa]n|[Ii]n|[Hh]inter|[Uu]nter|[Vv]or|[Nn]eben)[ ]+(?:der|dem|den))[ ]+(?:\p{Lu}[\p{L}-]*[ ]){0,2}(?<word>\p{Lu}[\p{L}-]*)[ ]\d{1,3}[ ]?[a-z]?(?=[ ]*(?:$|[,;!?)]|\.(?!\d)|\d{5}))", Options, TimeoutMs)]
    private static partial Regex PrepositionStreetPattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:Familie|Fam\.|Eheleute|Geschwister)[ \t]+\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?(?![\p{L}\d-])", Options, TimeoutMs)]
    private static partial Regex FamilyNamePattern();

    [GeneratedRegex(@"(?<![\p{L}-])(?<first>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ \t]+(?<last>\p{Lu}[\p{L}'’-]*\p{Ll})(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex WordBeforeSurnamePattern();

    [GeneratedRegex(@"(?:^|[.!?;:]\s+|\b(?:[Mm]it|[Bb]ei)[ ]+)(?<first>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ ]+(?<last>(?:Al-|El-|Abu-)?\p{Lu}[\p{L}'’]*\p{Ll}(?:-\p{Lu}[\p{L}'’]*\p{Ll})?)[ ]+(?=(?:und[ ]+)?\p{Ll})", Options, TimeoutMs)]
    private static partial Regex SentenceSubjectNamePattern();

    [GeneratedRegex(@"(?<![\p{L}])(?:Vater|Mutter|Sohn|Tochter|Bruder|Schwester|Nachbar|Nachbarin|Partner|Partnerin|Ehemann|Ehefrau|Mann|Oma|Opa|Onkel|Tante|Kind|Enkel|Enkelin|Cousin|Cousine|Freund|Freundin|Vermieter|Vermieterin|Betreuer|Betreuerin)(?:,)?[ ]+(?<first>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ ]+(?<last>\p{Lu}[\p{L}'’-]*\p{Ll})(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex RoleAppositionNamePattern();

    [GeneratedRegex(@"(?i)(?<![\p{L}])(?:(?:nicht|kaum|wenig|null|gar[ ]+nicht)[ ]+(?:belastbar|arbeitswillig|arbeitsfähig|motiviert|motivierbar|kooperativ|kooperationsbereit|ausbildungsreif|ausbildungsfähig|integrationswillig|integrierbar|vermittelbar|lernfähig|lernwillig|leistungsfähig|leistungsbereit|willig)\p{Ll}{0,2}|(?:null|kein|keinen|keine)[ ]+(?:Bock|Motivation|Antrieb|Perspektive|Eigeninitiative|Interesse[ ]+an[ ]+Arbeit)|schwierige[rnsm]?[ ]+(?:Klient|Klientin|Kunde|Kundin|Fall|Familie|Mensch|Typ|Person|Mutter|Vater|Jugendliche[rn]?)|drückt[ ]+sich|lügt|jammert|stinkt|Systemsprenger\p{Ll}*|Verweigerer\p{Ll}*|Schnorrer\p{Ll}*|Hartzer\p{Ll}*|Querulant\p{Ll}*|Sozialfall\p{Ll}*)(?![\p{L}])", Options, TimeoutMs)]
    private static partial Regex DeficitPhrasePattern();
}
