using GbbTeamsBot.Domain.Common;
using static GbbTeamsBot.Domain.Methods.ParticipantRole;

namespace GbbTeamsBot.Domain.Methods;

/// <summary>The available methods. The team meeting is built from its agenda (<see cref="ForAgenda"/>).</summary>
public sealed class MethodCatalog
{
    private readonly Dictionary<string, MethodDefinition> _methods;

    public MethodCatalog(IEnumerable<MethodDefinition> methods)
    {
        _methods = methods.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>The built-in methods of the method guide.</summary>
    public static MethodCatalog Default { get; } = new(BuiltInMethods.All);

    public IReadOnlyCollection<MethodDefinition> Methods => _methods.Values;

    public bool TryGet(string methodId, out MethodDefinition method) =>
        _methods.TryGetValue(methodId, out method!);

    /// <summary>
    /// The team meeting as a method: one phase per agenda item with the item's timebox. Method items run as their
    /// own sessions; this session keeps the meeting's clock.
    /// </summary>
    public MethodDefinition ForAgenda(MeetingAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var phases = agenda.Items.Select((item, index) =>
        {
            var methodName = item.MethodId is not null && TryGet(item.MethodId, out var method) ? method.Name : null;
            var guidance = methodName is null
                ? new Bilingual(
                    "Freier Tagesordnungspunkt. Ergebnisse kurz festhalten.",
                    "Free agenda item. Record results briefly.")
                : new Bilingual(
                    $"{methodName.De}{(item.CaseReference is null ? string.Empty : $" ({item.CaseReference})")} läuft als eigene Sitzung in diesem Zeitfenster.",
                    $"{methodName.En}{(item.CaseReference is null ? string.Empty : $" ({item.CaseReference})")} runs as its own session in this timebox.");
            return new PhaseDefinition
            {
                Key = agenda.ItemKey(index),
                Name = new(item.Title, item.Title),
                Guidance = guidance,
                DefaultDuration = item.Timebox,
                Contributions = methodName is null
                    ? [new ContributionRule(ContributionKind.Statement, [Moderator, ProtocolKeeper, Adviser])]
                    : [],
            };
        }).ToList();

        return new MethodDefinition
        {
            Id = MethodIds.Teamsitzung,
            Name = new("Teamsitzung", "Team meeting"),
            Summary = new(
                $"Tagesordnung „{agenda.Title}“ mit {phases.Count} Punkten.",
                $"Agenda '{agenda.Title}' with {phases.Count} items."),
            // The items' timeboxes are the plan; the meeting's total is the ceiling the moderator may plan up to.
            Budget = new(TimeSpan.FromMinutes(phases.Count), agenda.Total, TimeSpan.FromMinutes(30)),
            Confirmer = ProtocolConfirmer.Moderator,
            Roles =
            [
                new(Moderator, 1, 1),
                new(ProtocolKeeper, 0, 1),
                new(Adviser, 0, 40),
                new(Guest, 0, 5),
            ],
            Phases = phases,
        };
    }

    /// <summary>Problems in a method definition; empty when the data is consistent. Used by tests for every method.</summary>
    public static IReadOnlyList<string> Validate(MethodDefinition method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var problems = new List<string>();
        if (method.Phases.Count == 0)
        {
            problems.Add("no phases");
        }

        if (method.Phases.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() != method.Phases.Count)
        {
            problems.Add("phase keys are not unique");
        }

        if (method.Phases.Any(p => p.DefaultDuration <= TimeSpan.Zero))
        {
            problems.Add("a phase has no default duration");
        }

        if (method.DefaultTotal < method.Budget.MinTotal || method.DefaultTotal > method.Budget.MaxTotal)
        {
            problems.Add($"default total {method.DefaultTotal} outside {method.Budget.MinTotal}..{method.Budget.MaxTotal}");
        }

        if (method.RuleFor(Moderator) is not { MinToStart: 1, Max: 1 })
        {
            problems.Add("exactly one moderator is required");
        }

        if (method.Roles.Any(r => r.MinToStart < 0 || r.Max < r.MinToStart))
        {
            problems.Add("inconsistent role limits");
        }

        var usedRoles = method.Phases
            .SelectMany(p => p.Contributions.SelectMany(c => c.Roles).Concat(p.Actions.SelectMany(a => a.Roles)))
            .Distinct();
        foreach (var role in usedRoles)
        {
            if (method.RuleFor(role) is null or { Max: 0 })
            {
                problems.Add($"role {role} is used in a phase but not allowed in the method");
            }
        }

        if (method.Confirmer == ProtocolConfirmer.CasePresenter && method.RuleFor(CasePresenter) is not { MinToStart: >= 1 })
        {
            problems.Add("the case presenter confirms the protocol but is not required");
        }

        return problems;
    }
}
