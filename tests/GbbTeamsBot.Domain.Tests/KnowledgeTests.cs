using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Knowledge;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>The Sozialraumwissen's rules: German-aware matching, mention counting, edit, veraltet and merge.</summary>
public sealed class KnowledgeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Betreuung", "fehlende Kinderbetreuung am Nachmittag")]
    [InlineData("Sprachkurse", "Sprachkurs im Familienzentrum")]
    [InlineData("Sprachkurs", "Sprachkurse für Mütter")]
    [InlineData("kinder", "Kinderbetreuung")]
    [InlineData("STRASSE", "Begegnungsstätte Grüne Straße")]
    [InlineData("Grüne Strasse", "Begegnungsstätte Gruene Straße")]
    [InlineData("Muetter", "Sprachkurs für Mütter")]
    [InlineData("cafe", "Café am Markt")]
    [InlineData("Nachmittags", "Hausaufgabenhilfe am Nachmittag")]
    [InlineData("Kindern", "Angebote für Kinder")]
    public void A_query_finds_inflected_forms_compound_parts_and_folded_spellings(string query, string title)
    {
        var index = KnowledgeIndex.Build([Entry("e1", KnowledgeCategory.Resource, title)]);
        Assert.Single(index.Search(query));
    }

    [Theory]
    [InlineData("Bus", "Buschwindröschen-Gruppe")]
    [InlineData("Sprachkurs", "Kinderbetreuung")]
    [InlineData("Kinderbetreuung Bus", "Kinderbetreuung am Nachmittag")]
    public void A_query_does_not_find_unrelated_words_and_needs_every_word(string query, string title)
    {
        var index = KnowledgeIndex.Build([Entry("e1", KnowledgeCategory.Resource, title)]);
        Assert.Empty(index.Search(query));
    }

    [Fact]
    public void The_fold_and_the_stem_follow_German_spelling()
    {
        Assert.Equal("strasse", GermanText.Fold("Straße"));
        Assert.Equal("mutter", GermanText.Fold("Mütter"));
        Assert.Equal("mutter", GermanText.Fold("Muetter"));
        Assert.Equal("quelle", GermanText.Fold("Quelle"));
        Assert.Equal(GermanText.Stem("sprachkurs"), GermanText.Stem("sprachkurse"));
        Assert.Equal(["kinderbetreuung", "nachmittag"], GermanText.Terms("fehlende Kinderbetreuung am Nachmittag"));
    }

    [Fact]
    public void Title_matches_rank_before_description_matches_and_merged_entries_are_not_found()
    {
        var inTitle = Entry("a", KnowledgeCategory.Resource, "Elterncafé Kinderbetreuung");
        var inDescription = Entry("b", KnowledgeCategory.Resource, "Familienzentrum") with { Description = "mit Kinderbetreuung" };
        var merged = Entry("c", KnowledgeCategory.Resource, "Kinderbetreuung Nord") with { Status = KnowledgeStatus.Merged, MergedIntoId = "a" };
        var hits = KnowledgeIndex.Build([inDescription, inTitle, merged]).Search("Kinderbetreuung");
        Assert.Equal(["a", "b"], hits.Select(h => h.Entry.Id));
    }

    [Fact]
    public void A_mention_counts_once_per_session_and_moves_last_mentioned()
    {
        var entry = KnowledgeRules.Create("e", new KnowledgeDraft(KnowledgeCategory.Need, "fehlende Kinderbetreuung"), "29:a", T0, new KnowledgeMention("s1", T0), false).GetValueOrThrow();
        var again = KnowledgeRules.Mention(entry, new KnowledgeMention("s2", T0.AddDays(7)), "29:b");
        var replay = KnowledgeRules.Mention(again, new KnowledgeMention("s2", T0.AddDays(7)), "29:b");
        Assert.Equal(1, entry.MentionCount);
        Assert.Equal(2, again.MentionCount);
        Assert.Equal(T0.AddDays(7), again.LastMentioned);
        Assert.Equal(T0, again.FirstMentioned);
        Assert.Same(again, replay);
        Assert.Equal(["s1", "s2"], again.SourceSessionIds);
    }

    [Fact]
    public void Needs_are_ranked_by_recent_mentions_with_their_trend()
    {
        var now = T0.AddMonths(12);
        var rising = Need("rising", now.AddDays(-10), now.AddDays(-20), now.AddMonths(-4));
        var falling = Need("falling", now.AddMonths(-4), now.AddMonths(-5), now.AddDays(-5));
        var old = Need("old", now.AddMonths(-13));
        var ranks = KnowledgeIndex.Build([falling, old, rising]).RankNeeds(now);
        Assert.Equal(["rising", "falling"], ranks.Select(r => r.Entry.Id));
        Assert.Equal((2, 3, 3, NeedTrend.Rising), (ranks[0].Last3Months, ranks[0].Last6Months, ranks[0].Last12Months, ranks[0].Trend));
        Assert.Equal(NeedTrend.Falling, ranks[1].Trend);
        Assert.True(old.IsLongNotMentioned(now));
        Assert.False(rising.IsLongNotMentioned(now));
    }

    [Fact]
    public void A_round_entry_feeds_the_catalogue_only_for_the_categories_it_keeps()
    {
        Assert.Equal(KnowledgeCategory.Need, KnowledgeRules.CategoryOf(NeighbourhoodCategory.Needs));
        Assert.Equal(KnowledgeCategory.Network, KnowledgeRules.CategoryOf(NeighbourhoodCategory.NetworkNews));
        Assert.Null(KnowledgeRules.CategoryOf(NeighbourhoodCategory.Annoyances));
        Assert.Null(KnowledgeRules.CategoryOf(NeighbourhoodCategory.Other));
    }

    [Theory]
    [InlineData("", RejectionCode.TextMissing)]
    [InlineData("  ", RejectionCode.TextMissing)]
    [InlineData("long", RejectionCode.TextTooLong)]
    [InlineData("Herr Müller, Tel. 0171 2345678", RejectionCode.PrivacyWarning)]
    public void Bad_texts_are_refused_and_the_entry_is_unchanged(string title, RejectionCode code)
    {
        var entry = Entry("e", KnowledgeCategory.KeyPerson, "Hausmeister Wohnanlage Lindenhof");
        var draft = new KnowledgeDraft(KnowledgeCategory.KeyPerson, title == "long" ? new string('x', KnowledgeRules.TitleMaxLength + 1) : title);
        var edited = KnowledgeRules.Edit(entry, draft, "29:b", T0, confirmedDespiteWarnings: false);
        Assert.Equal(code, edited.Rejection?.Code);
        Assert.Equal(code, KnowledgeRules.Create("n", draft, "29:b", T0, null, false).Rejection?.Code);
    }

    [Fact]
    public void Too_many_tags_and_an_unknown_category_are_refused()
    {
        var tags = Enumerable.Range(0, KnowledgeRules.MaxTags + 1).Select(i => "t" + i).ToList();
        Assert.Equal(RejectionCode.LimitReached, KnowledgeRules.Validate(new KnowledgeDraft(KnowledgeCategory.Idea, "Idee", Tags: tags), false)?.Code);
        Assert.NotNull(KnowledgeRules.Validate(new KnowledgeDraft((KnowledgeCategory)42, "Idee"), false));
    }

    [Fact]
    public void Edit_and_veraltet_change_the_entry_and_count_a_revision()
    {
        var entry = Entry("e", KnowledgeCategory.Resource, "Tafel");
        var edited = KnowledgeRules.Edit(entry, new KnowledgeDraft(KnowledgeCategory.Resource, "Tafel Südstadt", "samstags offen", "Südstadt", "am Kirchplatz", ["Lebensmittel"]), "29:b", T0, false).GetValueOrThrow();
        Assert.Equal(("Tafel Südstadt", "samstags offen", "am Kirchplatz", 1), (edited.Title, edited.Description, edited.Place, edited.Revision));
        var outdated = KnowledgeRules.SetOutdated(edited, true, "29:b", T0).GetValueOrThrow();
        Assert.Equal(KnowledgeStatus.Outdated, outdated.Status);
        // Named again in a round: current again.
        Assert.Equal(KnowledgeStatus.Current, KnowledgeRules.Mention(outdated, new KnowledgeMention("s9", T0), null).Status);
    }

    [Fact]
    public void Merge_moves_the_mentions_once_and_keeps_the_duplicate_as_merged()
    {
        var target = Entry("t", KnowledgeCategory.Resource, "Sprachkurs Familienzentrum", ("s1", T0), ("s2", T0.AddDays(7)));
        var duplicate = Entry("d", KnowledgeCategory.Resource, "Sprachkurse im Familienzentrum Nord", ("s2", T0.AddDays(7)), ("s3", T0.AddDays(14))) with { Tags = ["Sprache"] };
        var result = KnowledgeRules.Merge(target, duplicate, "29:c", T0.AddDays(20)).GetValueOrThrow();
        Assert.Equal(3, result.Target.MentionCount);
        Assert.Equal(T0.AddDays(14), result.Target.LastMentioned);
        Assert.Equal(["Sprache"], result.Target.Tags);
        Assert.Equal((KnowledgeStatus.Merged, "t"), (result.Retired.Status, result.Retired.MergedIntoId));

        // A merged entry is neither edited, marked, merged again nor counted.
        Assert.Equal(RejectionCode.KnowledgeEntryMerged, KnowledgeRules.Edit(result.Retired, new KnowledgeDraft(KnowledgeCategory.Resource, "Neu"), "29:c", T0, false).Rejection?.Code);
        Assert.Equal(RejectionCode.KnowledgeEntryMerged, KnowledgeRules.SetOutdated(result.Retired, true, "29:c", T0).Rejection?.Code);
        Assert.Equal(RejectionCode.KnowledgeEntryMerged, KnowledgeRules.Merge(result.Target, result.Retired, "29:c", T0).Rejection?.Code);
        Assert.Equal(RejectionCode.InvalidKnowledgeMerge, KnowledgeRules.Merge(target, target, "29:c", T0).Rejection?.Code);
        Assert.Same(result.Retired, KnowledgeRules.Mention(result.Retired, new KnowledgeMention("s4", T0), null));
    }

    [Fact]
    public void Similar_titles_are_matched_and_offered_as_duplicates()
    {
        var cafe = Entry("a", KnowledgeCategory.Resource, "Nachbarschaftscafé Lindenhof");
        var courses = Entry("b", KnowledgeCategory.Resource, "Sprachkurs Familienzentrum");
        var index = KnowledgeIndex.Build([cafe, courses]);
        Assert.Equal("a", index.Match(KnowledgeCategory.Resource, "Nachbarschaftscafe Lindenhof")?.Id);
        Assert.Null(index.Match(KnowledgeCategory.Need, "Nachbarschaftscafé Lindenhof"));
        Assert.Null(index.Match(KnowledgeCategory.Resource, "Sprachkurse im Familienzentrum Nord am Markt"));
        var duplicate = Entry("c", KnowledgeCategory.Resource, "Sprachkurse im Familienzentrum Nord am Markt");
        Assert.Equal(["b"], index.With([duplicate]).Duplicates(duplicate).Select(e => e.Id));
    }

    [Fact]
    public void The_case_reference_is_stripped_from_a_text_taken_from_a_consultation()
    {
        Assert.Equal("Elterncafé im Stadtteilzentrum", KnowledgeRules.StripCaseReference("Ahorn-07: Elterncafé im Stadtteilzentrum", "Ahorn-07"));
    }

    private static KnowledgeEntry Entry(string id, KnowledgeCategory category, string title, params (string Session, DateTimeOffset At)[] mentions) => new()
    {
        Id = id,
        Category = category,
        Title = title,
        Mentions = mentions.Select(m => new KnowledgeMention(m.Session, m.At)).ToList(),
        MentionCount = Math.Max(1, mentions.Length),
        FirstMentioned = mentions.Length > 0 ? mentions.Min(m => m.At) : T0,
        LastMentioned = mentions.Length > 0 ? mentions.Max(m => m.At) : T0,
        AddedById = "29:a",
    };

    private static KnowledgeEntry Need(string id, params DateTimeOffset[] at) =>
        Entry(id, KnowledgeCategory.Need, "Bedarf " + id, at.Select((a, i) => ("s" + i, a)).ToArray());
}
