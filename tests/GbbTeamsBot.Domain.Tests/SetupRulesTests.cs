using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

public sealed class SetupRulesTests
{
    private static readonly IReadOnlySet<string> Members = new HashSet<string>(StringComparer.Ordinal) { Mod, Keeper, Presenter, Adviser1, Adviser2 };

    private static SetupChoices CompleteKb() => new(MethodIds.KollegialeBeratung)
    {
        CasePseudonym = "Fall Ahorn-07",
        ModeratorId = Mod,
        ProtocolKeeperId = Keeper,
        CasePresenterId = Presenter,
        AdviserIds = [Adviser1, Adviser2],
        PlannedMinutes = 40,
    };

    [Fact]
    public void A_complete_Kollegiale_Beratung_is_valid_with_its_roles_and_a_plan_summing_to_the_total()
    {
        var (setup, problems) = SetupRules.Validate(CompleteKb(), Members);

        Assert.Empty(problems);
        Assert.NotNull(setup);
        Assert.Equal("Fall Ahorn-07", setup.CaseReference);
        Assert.Equal(Mod, setup.ModeratorId);
        Assert.Contains((Presenter, ParticipantRole.CasePresenter), setup.Participants);
        Assert.Equal(2, setup.Participants.Count(p => p.Role == ParticipantRole.Adviser));
        Assert.Equal(TimeSpan.FromMinutes(40), setup.PhasePlan.Aggregate(TimeSpan.Zero, (a, b) => a + b));
    }

    [Fact]
    public void Without_a_pseudonym_a_case_method_is_refused()
    {
        var (setup, problems) = SetupRules.Validate(CompleteKb() with { CasePseudonym = null }, Members);

        Assert.Null(setup);
        Assert.Equal(SetupProblemKind.PseudonymRequired, Assert.Single(problems).Kind);
    }

    [Theory]
    [InlineData("Jürgen Müller")]
    [InlineData("geb. 12.03.1985")]
    public void A_pseudonym_that_looks_like_personal_data_is_refused(string pseudonym)
    {
        var (_, problems) = SetupRules.Validate(CompleteKb() with { CasePseudonym = pseudonym }, Members);

        Assert.Contains(problems, p => p.Kind == SetupProblemKind.PseudonymLooksPersonal);
    }

    [Fact]
    public void The_neighbourhood_round_needs_no_pseudonym()
    {
        var choices = new SetupChoices(MethodIds.SozialraumRunde) { ModeratorId = Mod };

        var (setup, problems) = SetupRules.Validate(choices, Members);

        Assert.Empty(problems);
        Assert.Null(setup!.CaseReference);
    }

    [Fact]
    public void Missing_moderator_and_missing_roles_the_method_needs_are_each_named()
    {
        var choices = new SetupChoices(MethodIds.KollegialeBeratung) { CasePseudonym = "Birke-12", PlannedMinutes = 40 };

        var (_, problems) = SetupRules.Validate(choices, Members);

        var missing = problems.Where(p => p.Kind == SetupProblemKind.RoleMissing).Select(p => p.Role).ToList();
        Assert.Contains(ParticipantRole.Moderator, missing);
        Assert.Contains(ParticipantRole.CasePresenter, missing);
    }

    [Fact]
    public void One_person_in_two_roles_is_refused_with_both_roles()
    {
        var (_, problems) = SetupRules.Validate(CompleteKb() with { CasePresenterId = Mod }, Members);

        var twice = Assert.Single(problems, p => p.Kind == SetupProblemKind.RoleTakenTwice);
        Assert.Equal(ParticipantRole.Moderator, twice.Role);
        Assert.Equal(ParticipantRole.CasePresenter, twice.OtherRole);
    }

    [Fact]
    public void Someone_who_is_not_a_member_of_the_conversation_cannot_be_picked()
    {
        var (_, problems) = SetupRules.Validate(CompleteKb() with { AdviserIds = [Adviser1, "29:stranger"] }, Members);

        Assert.Contains(problems, p => p.Kind == SetupProblemKind.NotAMember);
    }

    [Theory]
    [InlineData(34)]
    [InlineData(46)]
    public void A_total_outside_the_method_budget_names_the_limits(int minutes)
    {
        var (_, problems) = SetupRules.Validate(CompleteKb() with { PlannedMinutes = minutes }, Members);

        var duration = Assert.Single(problems);
        Assert.Equal(SetupProblemKind.DurationOutOfRange, duration.Kind);
        Assert.Equal((35, 45), (duration.MinMinutes, duration.MaxMinutes));
    }

    [Theory]
    [InlineData(MethodIds.Teamsitzung)]
    [InlineData("no-such-method")]
    public void Methods_the_setup_card_does_not_offer_are_refused(string methodId)
    {
        var (setup, problems) = SetupRules.Validate(CompleteKb() with { MethodId = methodId }, Members);

        Assert.Null(setup);
        Assert.Equal(SetupProblemKind.UnknownMethod, Assert.Single(problems).Kind);
    }

    [Theory]
    [InlineData(MethodIds.KollegialeBeratung, 35)]
    [InlineData(MethodIds.KollegialeBeratung, 45)]
    [InlineData(MethodIds.Helferkonferenz, 90)]
    [InlineData(MethodIds.SozialraumRunde, 10)]
    public void Phase_plan_scales_the_defaults_to_the_planned_total_in_whole_minutes(string methodId, int minutes)
    {
        Assert.True(MethodCatalog.Default.TryGet(methodId, out var method));

        var plan = SetupRules.ScalePlan(method, TimeSpan.FromMinutes(minutes));

        Assert.Equal(method.Phases.Count, plan.Count);
        Assert.Equal(TimeSpan.FromMinutes(minutes), plan.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.All(plan, p => Assert.True(p >= TimeSpan.FromMinutes(1) && p.Seconds == 0));
    }
}
