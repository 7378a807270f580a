using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.Tests.Samples;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests;

public sealed class ScreenTests
{
    private static readonly CardContext German = new() { Now = SampleViews.Now };
    private static readonly CardContext English = German with { Language = UiLanguage.English };

    [Fact]
    public void Ampeltorte_gives_each_life_domain_its_own_line_above_its_three_equal_segments()
    {
        var card = AmpeltorteCard.Build(new AmpeltorteView(SampleViews.Session, "A-17", SampleViews.Contributions.Where(x => x.Kind == ContributionKind.Ampeltorte).ToArray()), German).ToJson();
        var body = card["body"]!.AsArray();
        var t = CardTexts.German;

        foreach (var domain in Enum.GetValues<LifeDomain>())
        {
            var name = t[$"Domain_{domain}"];
            // The domain name is a full-width line of its own (never squeezed into a narrow column, where "Beschäftigung" broke).
            var at = body.Select((e, i) => (e, i)).Single(x => (string?)x.e!["type"] == "TextBlock" && (string?)x.e["text"] == name).i;
            var segments = body[at + 1]!;
            Assert.Equal("ColumnSet", (string?)segments["type"]);
            Assert.Equal(3, segments["columns"]!.AsArray().Count);
            Assert.DoesNotContain(CardJson.Descendants(segments), e => (string?)e["text"] == name);
        }
    }

    [Fact]
    public void Setup_offers_all_methods_members_as_role_choices_and_shows_errors()
    {
        var card = SetupCard.Build(SampleViews.Setup, German);

        var methods = CardJson.Input(card, CardDataKeys.Method)["choices"]!.AsArray().Select(c => (string?)c!["value"]);
        Assert.Equal(Enum.GetNames<MethodKind>(), methods);
        var moderator = CardJson.Input(card, CardDataKeys.ModeratorId);
        Assert.Equal(SampleViews.Members.Select(m => m.UserId), moderator["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Equal("29:anna", (string?)moderator["value"]);
        Assert.Equal("29:deniz,29:emil", (string?)CardJson.Input(card, CardDataKeys.AdviserIds)["value"]);
        Assert.Equal(CardLimits.MaxPseudonymLength, (int?)CardJson.Input(card, CardDataKeys.CasePseudonym)["maxLength"]);
        Assert.Contains("Bitte wählen: Protokoll", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Equal([CardVerbs.SessionStart], CardJson.Verbs(card));
        Assert.Equal(
            [CardDataKeys.Method, CardDataKeys.CasePseudonym, CardDataKeys.ModeratorId, CardDataKeys.ProtocolId, CardDataKeys.PresenterId,
             CardDataKeys.AdviserIds, CardDataKeys.PlannedMinutes, CardDataKeys.StartNow],
            CardJson.InputIds(card));
    }

    [Fact]
    public void Ideas_can_be_chosen_only_by_the_case_presenter_with_current_choice_preselected()
    {
        var ideas = SampleViews.Contributions.Where(c => c.Kind == ContributionKind.Idea).ToArray();

        var presenter = IdeasCard.Build(new IdeasView(SampleViews.Session, "A-17", ideas) { ViewerIsCasePresenter = true }, German);
        var adviser = IdeasCard.Build(new IdeasView(SampleViews.Session, "A-17", ideas), German);

        Assert.Equal("c9", (string?)CardJson.Input(presenter, CardDataKeys.ChosenIdeaIds)["value"]);
        Assert.Contains(CardVerbs.IdeaChoose, CardJson.Verbs(presenter));
        Assert.Empty(CardJson.InputIds(adviser));
        Assert.DoesNotContain(CardVerbs.IdeaChoose, CardJson.Verbs(adviser));
    }

    [Fact]
    public void Agreements_editor_offers_add_and_remove_only_to_editors_and_the_coordinator_only_for_Helferkonferenz()
    {
        var helfer = AgreementsEditorCard.Build(
            new AgreementsEditorView(SampleViews.Session, MethodKind.Helferkonferenz, "B-03", SampleViews.Agreements) { ViewerMayEdit = true }, German);
        var kb = AgreementsEditorCard.Build(
            new AgreementsEditorView(SampleViews.Session, MethodKind.KollegialeBeratung, "A-17", SampleViews.Agreements) { ViewerMayEdit = true }, German);
        var readOnly = AgreementsEditorCard.Build(
            new AgreementsEditorView(SampleViews.Session, MethodKind.KollegialeBeratung, "A-17", SampleViews.Agreements), German);

        Assert.Equal(3, CardJson.Verbs(helfer).Count(v => v == CardVerbs.AgreementRemove));
        Assert.Contains(CardVerbs.AgreementAdd, CardJson.Verbs(helfer));
        Assert.Contains(CardDataKeys.Coordinator, CardJson.InputIds(helfer));
        Assert.DoesNotContain(CardDataKeys.Coordinator, CardJson.InputIds(kb));
        Assert.Equal([CardDataKeys.What, CardDataKeys.Who, CardDataKeys.Party, CardDataKeys.Due, CardDataKeys.GoalLevel], CardJson.InputIds(kb));
        Assert.DoesNotContain(CardVerbs.AgreementRemove, CardJson.Verbs(readOnly));
        Assert.Empty(CardJson.InputIds(readOnly));
        var remove = CardJson.Executes(helfer).First(e => (string?)e["verb"] == CardVerbs.AgreementRemove);
        Assert.Equal("a1", (string?)remove["data"]!["agreementId"]);
    }

    [Fact]
    public void Overdue_agreement_is_highlighted()
    {
        var json = AgreementsEditorCard.Build(
            new AgreementsEditorView(SampleViews.Session, MethodKind.KollegialeBeratung, "A-17", SampleViews.Agreements), German).ToJson();

        var runs = CardJson.Elements(json).Where(e => (string?)e["type"] == "TextRun").ToArray();
        Assert.Equal("attention", (string?)runs.Single(r => ((string?)r["text"])!.Contains("01.03.2026", StringComparison.Ordinal))["color"]);
        Assert.Null(runs.Single(r => ((string?)r["text"])!.Contains("20.03.2026", StringComparison.Ordinal))["color"]);
    }

    [Fact]
    public void Protocol_offers_confirmation_only_to_those_who_may_and_have_not_confirmed()
    {
        Assert.Contains(CardVerbs.ProtocolConfirm, CardJson.Verbs(ProtocolCard.Build(SampleViews.Protocol, German)));
        Assert.DoesNotContain(CardVerbs.ProtocolConfirm, CardJson.Verbs(ProtocolCard.Build(SampleViews.Protocol with { ViewerHasConfirmed = true }, German)));
        Assert.DoesNotContain(CardVerbs.ProtocolConfirm, CardJson.Verbs(ProtocolCard.Build(SampleViews.Protocol with { ViewerMayConfirm = false }, German)));
        Assert.Contains(CardVerbs.ProtocolRecordText, CardJson.Verbs(ProtocolCard.Build(SampleViews.Protocol, German)));
    }

    [Fact]
    public void Record_text_holds_the_documentation_facts_in_order_and_leaves_out_unchosen_ideas_and_questions()
    {
        var text = RecordText.Compose(SampleViews.Protocol, German);

        Assert.StartsWith("Kollegiale Beratung – Fall A-17", text, StringComparison.Ordinal);
        Assert.Contains("Datum: 12.03.2026, 09:55–10:35", text, StringComparison.Ordinal);
        Assert.Contains("- Bewerbungsunterlagen aktualisieren – erledigt", text, StringComparison.Ordinal);
        Assert.Contains("- Probetag im Bioladen um die Ecke", text, StringComparison.Ordinal);
        Assert.Contains("- Probetag im Bioladen anfragen – Person, bis 20.03.2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Person (Person)", text, StringComparison.Ordinal);
        Assert.Contains("koordinierende Ansprechperson", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Schwester fragen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Familienzentrum?", text, StringComparison.Ordinal);
        Assert.True(
            text.IndexOf("Frühere Vereinbarungen", StringComparison.Ordinal) < text.IndexOf("Ressourcen:", StringComparison.Ordinal)
            && text.IndexOf("Ressourcen:", StringComparison.Ordinal) < text.IndexOf("Gewählte nächste Schritte", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_text_card_puts_the_text_in_a_copyable_field_in_English_too()
    {
        var card = RecordTextCard.Build(SampleViews.Protocol, English);

        var value = (string?)CardJson.Input(card, "recordText")["value"];
        Assert.Equal(RecordText.Compose(SampleViews.Protocol, English), value);
        // The record is for the German case file: German even on an English card.
        Assert.Contains("Vereinbarungen (wer macht was bis wann):", value, StringComparison.Ordinal);
        Assert.Contains("bis 20.03.2026", value, StringComparison.Ordinal);
        Assert.DoesNotContain("traffic-light", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_record_keeps_only_the_copy_field_and_fits_the_size_limit()
    {
        var card = RecordTextCard.Build(Huge.Protocol(), German);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) < CardLimits.MaxCardBytes);
        Assert.StartsWith("Kollegiale Beratung – Fall A-17", (string?)CardJson.Input(card, "recordText")["value"], StringComparison.Ordinal);
        Assert.DoesNotContain(CardJson.Elements(card.ToJson()), e => (string?)e["type"] == "Container" && (string?)e["style"] == "emphasis" && e.ToJsonString().Contains("Frühere Vereinbarungen", StringComparison.Ordinal));
    }

    [Fact]
    public void Consent_can_be_confirmed_only_by_the_moderator_and_only_while_missing()
    {
        var open = new ConsentView(SampleViews.Session, "B-03");

        Assert.Equal([CardVerbs.ConsentConfirm], CardJson.Verbs(HelperConferenceCards.BuildConsent(open with { ViewerIsModerator = true }, German)));
        Assert.Equal(
            [CardDataKeys.Consent, CardDataKeys.ConsentGivenBy, CardDataKeys.ConsentOtherAgencies, CardDataKeys.ConsentPurpose, CardDataKeys.ConsentValidUntil, CardDataKeys.ConsentPersonTakesPart, CardDataKeys.Release],
            CardJson.InputIds(HelperConferenceCards.BuildConsent(open with { ViewerIsModerator = true }, German)));
        Assert.Contains(CardDataKeys.ConsentAgencies, CardJson.InputIds(HelperConferenceCards.BuildConsent(open with { ViewerIsModerator = true, AgencyChoices = ["Jugendamt Nord"] }, German)));
        Assert.Equal([CardVerbs.ConsentWithdraw], CardJson.Verbs(HelperConferenceCards.BuildConsent(open with { ViewerIsModerator = true, ConsentConfirmed = true, ViewerMayWithdraw = true }, German)));
        Assert.Contains("Beratung", CardJson.AllText(HelperConferenceCards.BuildConsent(open with { Method = MethodKind.PartizipativeKollegialeBeratung }, German)), StringComparison.Ordinal);
        Assert.DoesNotContain("Helferkonferenz", CardJson.AllText(HelperConferenceCards.BuildConsent(open with { Method = MethodKind.PartizipativeKollegialeBeratung }, German)), StringComparison.Ordinal);
        Assert.Empty(CardJson.Verbs(HelperConferenceCards.BuildConsent(open, German)));
        Assert.Empty(CardJson.Verbs(HelperConferenceCards.BuildConsent(open with { ViewerIsModerator = true, ConsentConfirmed = true }, German)));
    }

    [Fact]
    public void Sozialraum_Runde_lists_the_guiding_questions_and_lets_the_moderator_close_the_round()
    {
        var view = new SozialraumRundeView(SampleViews.Session, "Sozialraum Nord", SampleViews.RoundEntries) { ViewerIsModerator = true };

        var card = SozialraumRundeCard.Build(view, German);

        var text = CardJson.AllText(card);
        Assert.Contains("Neuigkeiten zu Schlüsselpersonen?", text, StringComparison.Ordinal);
        Assert.Contains("Bedarfslagen", text, StringComparison.Ordinal);
        Assert.Contains("Ort: Lindenstraße", text, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.SessionNext, CardJson.Verbs(card));
        Assert.Equal([CardDataKeys.Category, CardDataKeys.Text, CardDataKeys.Place], CardJson.InputIds(card));
        Assert.DoesNotContain(CardVerbs.SessionNext, CardJson.Verbs(SozialraumRundeCard.Build(view with { ViewerIsModerator = false }, German)));
    }

    [Fact]
    public void Agenda_highlights_the_running_item_with_its_end_time()
    {
        var card = AgendaCard.Build(SampleViews.Agenda, German);
        var json = card.ToJson();

        var accent = CardJson.Elements(json).Single(e => (string?)e["type"] == "Container" && (string?)e["style"] == "accent");
        Assert.Contains("Kollegiale Beratung", accent.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("endet um 11:00", accent.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("geplant 15 Min. · tatsächlich 17 Min.", CardJson.AllText(card), StringComparison.Ordinal);
        Assert.Equal([CardVerbs.SessionNext, CardVerbs.SessionExtend, CardVerbs.SessionFinish], CardJson.Verbs(card));
    }

    [Fact]
    public void Open_agreements_are_sorted_by_due_date_and_each_done_button_names_its_agreement()
    {
        var card = OpenAgreementsCard.Build(SampleViews.OpenAgreements, German);

        var done = CardJson.Executes(card).Where(e => (string?)e["verb"] == CardVerbs.AgreementDone).ToArray();
        Assert.Equal(["a2", "a1", "a3"], done.Select(e => (string)e["data"]!["agreementId"]!));
        Assert.Contains("3 offen, davon 1 überfällig.", CardJson.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_agreement_list_is_paged_and_every_agreement_is_reachable_page_by_page()
    {
        var due = DateOnly.FromDateTime(SampleViews.Now.UtcDateTime);
        var template = SampleViews.OpenAgreements.Items[0];
        var items = Enumerable.Range(0, 25)
            .Select(i => template with { Agreement = template.Agreement with { AgreementId = $"x{i:D2}", Due = due.AddDays(i) } })
            .ToArray();
        var view = new OpenAgreementsView("Sozialraum Nord", items);

        var seen = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            var card = OpenAgreementsCard.Build(view with { Page = page }, German);
            seen.AddRange(CardJson.Executes(card).Where(e => (string?)e["verb"] == CardVerbs.AgreementDone).Select(e => (string)e["data"]!["agreementId"]!));
            var paging = CardJson.Executes(card).Where(e => (string?)e["verb"] == CardVerbs.AgreementsPage).Select(e => (int)e["data"]!["page"]!).ToArray();
            Assert.Equal(page switch { 0 => [1], 1 => [0, 2], _ => [1] }, paging);
            Assert.Contains($"Seite {page + 1} von 3", CardJson.AllText(card), StringComparison.Ordinal);
            Assert.Contains("25 offen", CardJson.AllText(card), StringComparison.Ordinal);
        }

        Assert.Equal(items.Select(i => i.Agreement.AgreementId), seen);
    }

    [Fact]
    public void Protocol_list_is_newest_first_and_opens_the_protocol_of_its_session()
    {
        var card = ProtocolListCard.Build(SampleViews.Protocols, German);

        var open = CardJson.Executes(card).Select(e => (string)e["data"]!["sessionId"]!).ToArray();
        Assert.Equal(["s-4711", "s-4712"], open);
        Assert.All(CardJson.Verbs(card), v => Assert.Equal(CardVerbs.ProtocolShow, v));
    }

    [Theory]
    [InlineData(MessageCode.Saved, false)]
    [InlineData(MessageCode.AgreementDone, false)]
    [InlineData(MessageCode.StaleCard, true)]
    [InlineData(MessageCode.NotModerator, true)]
    public void Result_card_is_green_for_confirmations_and_red_for_errors(MessageCode code, bool isError)
    {
        var json = ActionResultCard.Build(new MessageView(code), German).ToJson();

        Assert.Equal(isError ? "attention" : "good", (string?)json["body"]![0]!["style"]);
        Assert.Equal(isError, CardJson.AllText(ActionResultCard.Build(new MessageView(code), German)).Contains("Es wurde nichts geändert.", StringComparison.Ordinal));
    }

    [Fact]
    public void Message_arguments_fill_the_placeholders()
    {
        var text = CardJson.AllText(ActionResultCard.Build(new MessageView(MessageCode.TextTooLong, "1000"), English));

        Assert.Contains("at most 1000 characters", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_enum_value_has_a_name_in_both_languages()
    {
        foreach (var language in Enum.GetValues<UiLanguage>())
        {
            var all = CardTexts.AllTexts(language);
            void Check<T>(string prefix) where T : struct, Enum =>
                Assert.All(Enum.GetNames<T>(), n => Assert.True(all.ContainsKey($"{prefix}_{n}"), $"{language}: {prefix}_{n}"));
            Check<MethodKind>("Method");
            Check<RoleKind>("Role");
            Check<PhaseKind>("Phase");
            Check<PhaseKind>("PhaseGuidance");
            Check<ResourceArea>("Area");
            Check<ResourceArea>("AreaHint");
            Check<IdeaLevel>("Level");
            Check<LifeDomain>("Domain");
            Check<TrafficLight>("Light");
            Check<RoundCategory>("Category");
            Check<ResponsibleParty>("Party");
            Check<AgendaItemKind>("AgendaKind");
            Check<MessageCode>("Message");
            Check<ContributionKind>("Group");
        }
    }
}
