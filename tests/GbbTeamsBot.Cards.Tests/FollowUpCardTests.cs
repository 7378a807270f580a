using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.Tests.Samples;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests;

/// <summary>The cards of continuity between meetings: review of earlier agreements, protocol texts and correction, reminders.</summary>
public sealed class FollowUpCardTests
{
    private static readonly CardContext German = new() { Now = SampleViews.Now };

    private static LiveSessionView WithEarlier(bool mayReview) => SampleViews.Live(SampleViews.Moderator, running: 0) with
    {
        EarlierAgreements =
        [
            SampleViews.Agreements[0] with { Progress = AgreementProgress.Done },
            SampleViews.Agreements[1] with { Progress = AgreementProgress.NotDone, Reason = "Termin ausgefallen" },
            SampleViews.Agreements[2] with { Progress = AgreementProgress.CarriedOver },
        ],
        ViewerMayReview = mayReview,
    };

    [Fact]
    public void Live_card_shows_earlier_agreements_with_status_and_offers_the_five_choices_only_to_reviewers_and_not_for_carried_ones()
    {
        var reviewer = LiveSessionCard.Build(WithEarlier(mayReview: true), German);
        var text = CardJson.AllText(reviewer);
        Assert.Contains("Frühere Vereinbarungen – was ist daraus geworden?", text, StringComparison.Ordinal);
        Assert.Contains("erledigt", text, StringComparison.Ordinal);
        Assert.Contains("nicht erledigt: Termin ausgefallen", text, StringComparison.Ordinal);
        Assert.Contains("übernommen", text, StringComparison.Ordinal);
        var reviews = CardJson.Executes(reviewer).Where(e => (string?)e["verb"] == CardVerbs.AgreementReview).ToList();
        Assert.Equal(10, reviews.Count); // five choices for each of the two not carried over
        Assert.Equal(["Done", "PartlyDone", "NotDone", "Dropped", "CarriedOver"], reviews.Take(5).Select(e => (string?)e["data"]!["status"]));
        Assert.DoesNotContain(reviews, e => (string?)e["data"]!["agreementId"] == "a3");
        Assert.Contains(EarlierAgreementsPart.ReasonInputId("a2"), CardJson.InputIds(reviewer));

        var shared = LiveSessionCard.Build(WithEarlier(mayReview: false), German);
        Assert.Contains("nicht erledigt: Termin ausgefallen", CardJson.AllText(shared), StringComparison.Ordinal);
        Assert.DoesNotContain(CardVerbs.AgreementReview, CardJson.Verbs(shared));
    }

    [Fact]
    public void Protocol_card_offers_texts_to_the_keeper_before_confirming_and_a_correction_after_with_the_version()
    {
        var keeper = ProtocolCard.Build(SampleViews.Protocol with { ViewerMayEditTexts = true }, German);
        Assert.Contains(CardVerbs.ProtocolTexts, CardJson.Verbs(keeper));
        Assert.Contains(CardDataKeys.Summary, CardJson.InputIds(keeper));
        Assert.Contains(CardDataKeys.Needs, CardJson.InputIds(keeper));
        Assert.DoesNotContain(CardVerbs.ProtocolCorrect, CardJson.Verbs(keeper));

        var confirmed = ProtocolCard.Build(SampleViews.Protocol with { ViewerMayCorrect = true, Version = 2, Summary = "Kurzfassung" }, German);
        Assert.Contains(CardVerbs.ProtocolCorrect, CardJson.Verbs(confirmed));
        Assert.DoesNotContain(CardVerbs.ProtocolTexts, CardJson.Verbs(confirmed));
        var text = CardJson.AllText(confirmed);
        Assert.Contains("Protokollversion", text, StringComparison.Ordinal);
        Assert.Contains("Kurzfassung", text, StringComparison.Ordinal);
        Assert.Contains("Die Korrektur wird Protokollversion 3", text, StringComparison.Ordinal);
        Assert.True((bool?)CardJson.Input(confirmed, CardDataKeys.Reason)["isRequired"]);

        var record = RecordTextCard.Build(SampleViews.Protocol with { RecordText = "1. Reflexion\n2. Zusammenfassung" }, German);
        Assert.Contains("2. Zusammenfassung", CardJson.AllText(record), StringComparison.Ordinal);
    }

    [Fact]
    public void Reminder_card_carries_pseudonym_and_text_only_with_done_and_new_date_and_none_once_closed()
    {
        var view = new ReminderView("team:19:x", "s-4711", "s-4711/a1", "A-17", "Probetag anfragen", new DateOnly(2026, 3, 16), IsOverdue: false);
        var card = ReminderCard.Build(view, German);
        var text = CardJson.AllText(card);
        Assert.Contains("A-17", text, StringComparison.Ordinal);
        Assert.Contains("Probetag anfragen", text, StringComparison.Ordinal);
        Assert.Contains("16.03.2026", text, StringComparison.Ordinal);
        Assert.Equal([CardVerbs.ReminderDone, CardVerbs.ReminderReschedule], CardJson.Verbs(card));
        var done = CardJson.Executes(card)[0]["data"]!;
        Assert.Equal(("team:19:x", "s-4711", "s-4711/a1"), ((string?)done["team"], (string?)done["sessionId"], (string?)done["agreementId"]));
        Assert.Equal("2026-03-12", (string?)CardJson.Input(card, CardDataKeys.Due)["min"]);

        var closed = ReminderCard.Build(view with { IsClosed = true, Notice = "Als erledigt gespeichert." }, German);
        Assert.Empty(CardJson.Verbs(closed));
    }

    [Fact]
    public void Team_as_owner_is_offered_for_a_sozialraumvorhaben_only_and_the_editor_offers_goal_levels_and_the_responsible_colleague()
    {
        static IEnumerable<string?> Parties(AdaptiveCard card) =>
            CardJson.Input(card, CardDataKeys.Party)["choices"]!.AsArray().Select(c => (string?)c!["value"]);
        var vorhaben = AgreementsEditorCard.Build(new AgreementsEditorView(SampleViews.Session, MethodKind.Sozialraumvorhaben, "V-01", []) { ViewerMayEdit = true, TeamMembers = SampleViews.Members }, German);
        var kb = AgreementsEditorCard.Build(new AgreementsEditorView(SampleViews.Session, MethodKind.KollegialeBeratung, "A-17", []) { ViewerMayEdit = true }, German);

        Assert.Contains("Team", Parties(vorhaben));
        Assert.DoesNotContain("Team", Parties(kb));
        Assert.Equal(["Leitziel", "Bereichsziel", "Handlungsziel"], CardJson.Input(kb, CardDataKeys.GoalLevel)["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Contains(CardDataKeys.OwnerId, CardJson.InputIds(vorhaben));
        Assert.DoesNotContain(CardDataKeys.OwnerId, CardJson.InputIds(kb));
    }
}
