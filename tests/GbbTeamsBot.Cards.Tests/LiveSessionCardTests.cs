using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.Tests.Samples;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests;

public sealed class LiveSessionCardTests
{
    private static readonly string[] ModeratorVerbs =
    [
        CardVerbs.SessionNext, CardVerbs.SessionBack, CardVerbs.SessionExtend, CardVerbs.SessionPause,
        CardVerbs.SessionResume, CardVerbs.SessionFinish,
    ];

    private static CardContext Context(UiLanguage language = UiLanguage.German, string timeZone = CardContext.DefaultTimeZoneId)
    {
        var counter = 0;
        return new CardContext
        {
            Language = language,
            TimeZoneId = timeZone,
            Now = SampleViews.Now,
            NewRequestId = () => $"req-{++counter}",
        };
    }

    [Theory]
    [InlineData(100)]
    [InlineData(400)]
    public void A_live_card_stays_under_30_KB_and_shows_the_newest_entries_however_many_the_session_has(int count)
    {
        var contributions = Enumerable.Range(0, count).Select(i => new ContributionView(
            $"c{i}", ContributionKind.Resource, $"Die Nachbarin hilft beim Einkaufen und kennt die Sprechzeiten im Stadtteilzentrum, Eintrag {i}.")
        {
            Area = (ResourceArea)(i % 5),
        }).ToArray();
        var view = SampleViews.Live(SampleViews.Adviser(ContributionKind.Resource)) with { Contributions = contributions };

        var json = LiveSessionCard.Build(view, Context()).ToJsonString();

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(json) <= 30 * 1024, $"{System.Text.Encoding.UTF8.GetByteCount(json)} bytes");
        Assert.Contains($"Eintrag {count - 1}.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Eintrag 0.", json, StringComparison.Ordinal);
        Assert.Contains($"{count - LiveSessionCard.MaxLiveEntries} weitere", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderator_sees_next_back_extend_pause_and_finish()
    {
        var verbs = CardJson.Verbs(LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context()));

        Assert.Equal(
            [CardVerbs.SessionNext, CardVerbs.SessionBack, CardVerbs.SessionExtend, CardVerbs.SessionPause, CardVerbs.SessionFinish],
            verbs.Where(ModeratorVerbs.Contains));
    }

    [Fact]
    public void Shared_card_names_the_role_holders_but_tells_nobody_they_only_watch()
    {
        var texts = CardTexts.For(UiLanguage.German);

        var shared = CardJson.AllText(LiveSessionCard.Build(SampleViews.Live(new ViewerView(string.Empty, [])), Context()));
        var watcher = CardJson.AllText(LiveSessionCard.Build(SampleViews.Live(new ViewerView("29:x", [])), Context()));

        Assert.DoesNotContain(texts["Live_YourRole"], shared, StringComparison.Ordinal);
        Assert.Contains(texts.Name(RoleKind.Moderation), shared, StringComparison.Ordinal);
        Assert.Contains(texts["Live_YourRole"], watcher, StringComparison.Ordinal);
    }

    [Fact]
    public void Adviser_sees_no_moderator_controls()
    {
        var verbs = CardJson.Verbs(LiveSessionCard.Build(SampleViews.Live(SampleViews.Adviser(ContributionKind.Resource)), Context()));

        Assert.DoesNotContain(verbs, ModeratorVerbs.Contains);
        Assert.Contains(CardVerbs.ContributionAdd, verbs);
    }

    [Fact]
    public void First_phase_offers_no_back_and_last_phase_no_next()
    {
        var first = CardJson.Verbs(LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator, running: 0), Context()));
        var last = CardJson.Verbs(LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator, running: 4), Context()));

        Assert.DoesNotContain(CardVerbs.SessionBack, first);
        Assert.Contains(CardVerbs.SessionNext, first);
        Assert.DoesNotContain(CardVerbs.SessionNext, last);
        Assert.Contains(CardVerbs.SessionFinish, last);
    }

    [Fact]
    public void Paused_session_offers_resume_and_hides_the_input()
    {
        var view = SampleViews.Live(SampleViews.Moderator with { MayAdd = ContributionKind.Resource }) with
        {
            IsPaused = true,
            RemainingWhenPaused = TimeSpan.FromMinutes(4),
        };

        var card = LiveSessionCard.Build(view, Context());

        Assert.Contains(CardVerbs.SessionResume, CardJson.Verbs(card));
        Assert.DoesNotContain(CardVerbs.SessionPause, CardJson.Verbs(card));
        Assert.Empty(CardJson.InputIds(card));
        Assert.Contains("pausiert – noch 4 Min.", CardJson.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_action_carries_session_version_and_its_own_request_id()
    {
        var executes = CardJson.Executes(LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context()));

        Assert.All(executes, e =>
        {
            Assert.Equal("s-4711", (string?)e["data"]!["sessionId"]);
            Assert.Equal(7, (long?)e["data"]!["expectedVersion"]);
            Assert.Equal((string?)e["verb"], (string?)e["data"]!["verb"]);
            Assert.Equal("Action.Submit", (string?)e["fallback"]!["type"]);
            Assert.Equal((string?)e["data"]!["requestId"], (string?)e["fallback"]!["data"]!["requestId"]);
        });
        var requestIds = executes.Select(e => (string?)e["data"]!["requestId"]).ToArray();
        Assert.Equal(requestIds.Length, requestIds.Distinct().Count());
    }

    [Fact]
    public void Controls_do_not_send_the_contribution_inputs_but_the_add_button_does()
    {
        var executes = CardJson.Executes(LiveSessionCard.Build(
            SampleViews.Live(SampleViews.Moderator with { MayAdd = ContributionKind.Idea }), Context()));

        Assert.All(executes.Where(e => (string?)e["verb"] != CardVerbs.ContributionAdd), e => Assert.Equal("none", (string?)e["associatedInputs"]));
        var add = executes.Single(e => (string?)e["verb"] == CardVerbs.ContributionAdd);
        Assert.Null(add["associatedInputs"]);
        Assert.Equal("Idea", (string?)add["data"]!["kind"]);
    }

    [Theory]
    [InlineData(ContributionKind.ClarifyingQuestion, new[] { "text" })]
    [InlineData(ContributionKind.Resource, new[] { "area", "text" })]
    [InlineData(ContributionKind.Idea, new[] { "level", "text" })]
    [InlineData(ContributionKind.Ampeltorte, new[] { "domain", "light", "text" })]
    [InlineData(ContributionKind.RoundEntry, new[] { "category", "text", "place" })]
    [InlineData(ContributionKind.HelperSystem, new[] { "agency", "mandate", "activities" })]
    public void Input_is_typed_by_what_the_viewer_may_add(ContributionKind kind, string[] expectedInputs)
    {
        var card = LiveSessionCard.Build(SampleViews.Live(SampleViews.Adviser(kind)), Context());

        Assert.Equal(expectedInputs, CardJson.InputIds(card));
    }

    [Fact]
    public void Viewer_without_permission_gets_no_input()
    {
        var card = LiveSessionCard.Build(SampleViews.Live(SampleViews.Adviser(null)), Context());

        Assert.Empty(CardJson.InputIds(card));
        Assert.DoesNotContain(CardVerbs.ContributionAdd, CardJson.Verbs(card));
    }

    [Theory]
    [InlineData(UiLanguage.German, "Europe/Berlin", "endet um 10:42", "noch 7 Min.")]
    [InlineData(UiLanguage.English, "Europe/Berlin", "ends at 10:42", "7 min left")]
    [InlineData(UiLanguage.German, "America/New_York", "endet um 05:42", "noch 7 Min.")]
    [InlineData(UiLanguage.German, "No/Such_Zone", "endet um 10:42", "noch 7 Min.")]
    public void Phase_end_is_shown_as_a_clock_time_in_the_sessions_time_zone_without_a_countdown(UiLanguage language, string zone, string endsAt, string countdown)
    {
        var text = CardJson.AllText(LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context(language, zone)));

        Assert.Contains(endsAt, text, StringComparison.Ordinal);
        Assert.DoesNotContain(countdown, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_is_the_same_a_few_minutes_later_so_time_alone_gives_no_reason_to_re_render_it()
    {
        var view = SampleViews.Live(SampleViews.Moderator);
        var ids = 0;
        var early = Context() with { NewRequestId = () => "r" + ids++ };
        var first = LiveSessionCard.Build(view, early).ToJsonString();
        ids = 0;
        var later = LiveSessionCard.Build(view, early with { Now = early.Now.AddMinutes(3) }).ToJsonString();

        Assert.Equal(first, later);
    }

    [Fact]
    public void Moderator_controls_come_right_after_the_phase_and_the_timeline_is_collapsed_into_the_Verlauf()
    {
        var card = LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context()).ToJson();
        var body = card["body"]!.AsArray();
        var controlsAt = body.Select((e, i) => (e, i)).First(x => CardJson.Descendants(x.e).Any(d => (string?)d["verb"] == CardVerbs.SessionNext)).i;

        Assert.True(controlsAt <= 3, $"controls are element {controlsAt} of the body");
        var history = CardJson.Descendants(card).Single(e => (string?)e["id"] == LiveSessionCard.HistoryId);
        Assert.False((bool)history["isVisible"]!);
        Assert.Contains(CardJson.Descendants(history), e => ((string?)e["text"])?.Contains("Falleingabe", StringComparison.Ordinal) == true);
        Assert.Contains(CardJson.Descendants(card), e => (string?)e["type"] == "Action.ToggleVisibility" && (string?)e["title"] == "Verlauf");
    }

    [Fact]
    public void Beenden_asks_once_inline_before_the_session_is_finished()
    {
        var card = LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context()).ToJson();

        var finishButton = CardJson.Descendants(card).Single(e => (string?)e["title"] == "Beenden");
        Assert.Equal("Action.ToggleVisibility", (string?)finishButton["type"]);
        var confirm = CardJson.Descendants(card).Single(e => (string?)e["id"] == LiveSessionCard.FinishConfirmId);
        Assert.False((bool)confirm["isVisible"]!);
        Assert.Contains(CardJson.Descendants(confirm), e => (string?)e["verb"] == CardVerbs.SessionFinish);
        Assert.Single(CardJson.Descendants(card), e => (string?)e["verb"] == CardVerbs.SessionFinish && (string?)e["type"] == "Action.Execute");
    }

    [Fact]
    public void Moderator_sees_who_must_confirm_the_protocol()
    {
        var view = SampleViews.Live(SampleViews.Moderator) with { ProtocolConfirmers = ["Cem Yilmaz"] };

        Assert.Contains("Bestätigt das Protokoll: Cem Yilmaz", CardJson.AllText(LiveSessionCard.Build(view, Context())), StringComparison.Ordinal);
    }

    [Fact]
    public void Summer_time_is_applied()
    {
        var summer = SampleViews.Live(SampleViews.Moderator) with { PhaseEndsAt = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero) };

        var text = CardJson.AllText(LiveSessionCard.Build(summer, Context() with { Now = new DateTimeOffset(2026, 7, 1, 7, 50, 0, TimeSpan.Zero) }));

        Assert.Contains("endet um 10:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overdue_phase_says_since_when_it_is_over_time()
    {
        var view = SampleViews.Live(SampleViews.Moderator) with { PhaseEndsAt = SampleViews.Now.AddMinutes(-3), PhaseOverdue = true };

        Assert.Contains("über der Zeit (Ende war 10:32)", CardJson.AllText(LiveSessionCard.Build(view, Context())), StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_shows_planned_and_actual_minutes_and_the_phase_k_of_n()
    {
        var text = CardJson.AllText(LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context(UiLanguage.English)));

        Assert.Contains("Phase 3 of 5", text, StringComparison.Ordinal);
        Assert.Contains("planned 10 min · actual 12 min", text, StringComparison.Ordinal);
        Assert.Contains("planned 10 min", text, StringComparison.Ordinal);
        Assert.Contains("Collecting resources", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_lists_at_most_60_distinct_users_and_asks_for_the_live_view()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"29:u{i % 80}").ToArray();
        var json = LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator) with { RefreshUserIds = ids }, Context()).ToJson();

        var userIds = json["refresh"]!["userIds"]!.AsArray().Select(n => (string)n!).ToArray();
        Assert.Equal(60, userIds.Length);
        Assert.Equal(ids.Distinct().Take(60), userIds);
        Assert.Equal(CardVerbs.Refresh, (string?)json["refresh"]!["action"]!["verb"]);
        Assert.Equal(CardViews.Live, (string?)json["refresh"]!["action"]!["data"]!["view"]);
        Assert.Equal("s-4711", (string?)json["refresh"]!["action"]!["data"]!["sessionId"]);
    }

    [Fact]
    public void No_refresh_without_user_ids()
    {
        var json = LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator) with { RefreshUserIds = [] }, Context()).ToJson();

        Assert.Null(json["refresh"]);
    }

    [Fact]
    public void Current_phase_index_outside_the_phases_is_rejected()
    {
        var view = SampleViews.Live(SampleViews.Moderator) with { CurrentPhaseIndex = 5 };

        Assert.Throws<ArgumentException>(() => LiveSessionCard.Build(view, Context()));
    }

    [Fact]
    public void Chosen_idea_is_marked_and_contributions_are_grouped_by_area()
    {
        var text = CardJson.AllText(LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context()));

        Assert.Contains("Ressourcen – Sozial", text, StringComparison.Ordinal);
        Assert.Contains("Ideen – Soziales Umfeld", text, StringComparison.Ordinal);
        Assert.Contains("(ausgewählt)", text, StringComparison.Ordinal);
    }
}
