using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>What the moderator chose on the setup card, before the session exists. Ids are the members' ids.</summary>
public sealed record SetupChoices(string MethodId)
{
    public string? CasePseudonym { get; init; }

    public string? ModeratorId { get; init; }

    public string? ProtocolKeeperId { get; init; }

    public string? CasePresenterId { get; init; }

    public IReadOnlyList<string> AdviserIds { get; init; } = [];

    /// <summary>Null takes the method's default total.</summary>
    public int? PlannedMinutes { get; init; }
}

public enum SetupProblemKind
{
    /// <summary>Not a method the setup card offers.</summary>
    UnknownMethod,
    PseudonymRequired,
    PseudonymLooksPersonal,
    RoleMissing,

    /// <summary>One person picked for two roles (<see cref="SetupProblem.Role"/> and <see cref="SetupProblem.OtherRole"/>).</summary>
    RoleTakenTwice,

    /// <summary>Someone picked who is not a member of the conversation.</summary>
    NotAMember,
    DurationOutOfRange,
}

/// <summary>One reason the setup cannot start yet; the card shows each next to the form.</summary>
public sealed record SetupProblem(SetupProblemKind Kind)
{
    public ParticipantRole? Role { get; init; }

    public ParticipantRole? OtherRole { get; init; }

    public int? MinMinutes { get; init; }

    public int? MaxMinutes { get; init; }
}

/// <summary>A setup that passed every rule: the session can be created from it as it is.</summary>
public sealed record ValidSetup(
    MethodDefinition Method,
    string? CaseReference,
    string ModeratorId,
    IReadOnlyList<(string Id, ParticipantRole Role)> Participants,
    IReadOnlyList<TimeSpan> PhasePlan);

/// <summary>
/// The rules of the setup card: which methods it offers, a pseudonym where the method needs one (and never a
/// name), a moderator, each person in one role only and only members of the conversation, every role the method
/// needs to start, a total within the method's budget, and the phase plan scaled to that total.
/// </summary>
public static class SetupRules
{
    /// <summary>Methods the setup card offers (the team meeting is prepared from an agenda instead).</summary>
    public static IReadOnlyList<string> SetupMethodIds { get; } =
    [
        MethodIds.KollegialeBeratung,
        MethodIds.Helferkonferenz,
        MethodIds.SozialraumRunde,
        MethodIds.Sozialraumvorhaben,
        MethodIds.PartizipativeKollegialeBeratung,
    ];

    /// <summary>Either the valid setup or every problem found (never both).</summary>
    public static (ValidSetup? Setup, IReadOnlyList<SetupProblem> Problems) Validate(
        SetupChoices choices, IReadOnlySet<string> memberIds, MethodCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(memberIds);
        catalog ??= MethodCatalog.Default;
        if (!SetupMethodIds.Contains(choices.MethodId) || !catalog.TryGet(choices.MethodId, out var method))
        {
            return (null, [new SetupProblem(SetupProblemKind.UnknownMethod)]);
        }

        var problems = new List<SetupProblem>();
        string? caseReference = null;
        if (string.IsNullOrWhiteSpace(choices.CasePseudonym))
        {
            if (method.RequiresCaseReference)
            {
                problems.Add(new SetupProblem(SetupProblemKind.PseudonymRequired));
            }
        }
        else if (CaseReference.Parse(choices.CasePseudonym) is { IsSuccess: true } parsed)
        {
            caseReference = parsed.Value!.Value;
        }
        else
        {
            problems.Add(new SetupProblem(SetupProblemKind.PseudonymLooksPersonal));
        }

        var chosen = Chosen(choices);
        if (string.IsNullOrWhiteSpace(choices.ModeratorId))
        {
            problems.Add(new SetupProblem(SetupProblemKind.RoleMissing) { Role = ParticipantRole.Moderator });
        }

        if (chosen.Any(c => !memberIds.Contains(c.Id)))
        {
            problems.Add(new SetupProblem(SetupProblemKind.NotAMember));
        }

        foreach (var twice in chosen.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var roles = twice.Select(c => c.Role).Distinct().Take(2).ToArray();
            problems.Add(roles.Length == 2
                ? new SetupProblem(SetupProblemKind.RoleTakenTwice) { Role = roles[0], OtherRole = roles[1] }
                : new SetupProblem(SetupProblemKind.NotAMember));
        }

        foreach (var rule in method.Roles.Where(r => r.MinToStart > 0 && r.Role != ParticipantRole.Moderator))
        {
            if (chosen.Count(c => c.Role == rule.Role) < rule.MinToStart)
            {
                problems.Add(new SetupProblem(SetupProblemKind.RoleMissing) { Role = rule.Role });
            }
        }

        var minutes = choices.PlannedMinutes ?? (int)method.DefaultTotal.TotalMinutes;
        var min = (int)method.Budget.MinTotal.TotalMinutes;
        var max = (int)method.Budget.MaxTotal.TotalMinutes;
        if (minutes < min || minutes > max)
        {
            problems.Add(new SetupProblem(SetupProblemKind.DurationOutOfRange) { MinMinutes = min, MaxMinutes = max });
        }

        return problems.Count > 0
            ? (null, problems)
            : (new ValidSetup(method, caseReference, choices.ModeratorId!, chosen, ScalePlan(method, TimeSpan.FromMinutes(minutes))), []);
    }

    /// <summary>The method's default phase lengths scaled to the planned total: whole minutes, at least one each, summing exactly.</summary>
    public static IReadOnlyList<TimeSpan> ScalePlan(MethodDefinition method, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(method);
        var totalMinutes = (int)total.TotalMinutes;
        var defaults = method.Phases.Select(p => p.DefaultDuration.TotalMinutes).ToArray();
        var sum = defaults.Sum();
        var minutes = defaults.Select(d => Math.Max(1, (int)Math.Floor(d * totalMinutes / sum))).ToArray();
        var rest = totalMinutes - minutes.Sum();
        for (var i = 0; rest != 0 && i < 10_000; i++)
        {
            var index = i % minutes.Length;
            if (rest > 0)
            {
                minutes[index]++;
                rest--;
            }
            else if (minutes[index] > 1)
            {
                minutes[index]--;
                rest++;
            }
        }

        return minutes.Select(m => TimeSpan.FromMinutes(m)).ToList();
    }

    private static List<(string Id, ParticipantRole Role)> Chosen(SetupChoices choices)
    {
        var chosen = new List<(string Id, ParticipantRole Role)>();
        void Pick(string? id, ParticipantRole role)
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                chosen.Add((id, role));
            }
        }

        Pick(choices.ModeratorId, ParticipantRole.Moderator);
        Pick(choices.ProtocolKeeperId, ParticipantRole.ProtocolKeeper);
        Pick(choices.CasePresenterId, ParticipantRole.CasePresenter);
        foreach (var adviser in choices.AdviserIds)
        {
            Pick(adviser, ParticipantRole.Adviser);
        }

        return chosen;
    }
}
