using System.Globalization;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Methods;

/// <summary>
/// One item of a team meeting: either a method (run as its own session, e.g. a Kollegiale Beratung for a case) or a
/// free item, each with its timebox.
/// </summary>
public sealed record AgendaItem(string Title, TimeSpan Timebox, string? MethodId = null, string? CaseReference = null);

/// <summary>A team meeting agenda: items with timeboxes inside the meeting's total time (method guide §3.5).</summary>
public sealed record MeetingAgenda
{
    public const int MaxItems = 12;

    public required string Title { get; init; }

    public required TimeSpan Total { get; init; }

    public required IReadOnlyList<AgendaItem> Items { get; init; }

    /// <summary>Validates timeboxes, methods, case pseudonyms and titles.</summary>
    public static Outcome<MeetingAgenda> Create(string title, TimeSpan total, IReadOnlyList<AgendaItem> items, MethodCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(catalog);
        if (items.Count == 0 || items.Count > MaxItems)
        {
            return Rejections.InvalidAgenda(new(
                $"Eine Tagesordnung hat 1 bis {MaxItems} Punkte.",
                $"An agenda has 1 to {MaxItems} items."));
        }

        if (total <= TimeSpan.Zero || total > TimeSpan.FromHours(8))
        {
            return Rejections.InvalidAgenda(new("Die Gesamtzeit muss zwischen 1 Minute und 8 Stunden liegen.", "The total must be between 1 minute and 8 hours."));
        }

        var texts = new List<TextInput> { new("title", new("Titel", "Title"), title, TextRules.ShortTextMaxLength) };
        texts.AddRange(items.Select((item, i) => new TextInput($"item{i}", new("Tagesordnungspunkt", "Agenda item"), item.Title, TextRules.ShortTextMaxLength)));
        if (TextRules.Validate(texts, confirmedDespiteWarnings: false) is { } textRejection)
        {
            return textRejection;
        }

        var cleaned = new List<AgendaItem>();
        foreach (var item in items)
        {
            if (item.Timebox < TimeSpan.FromMinutes(1))
            {
                return Rejections.InvalidAgenda(new($"„{item.Title}“ braucht mindestens eine Minute.", $"'{item.Title}' needs at least one minute."));
            }

            string? caseReference = null;
            if (item.MethodId is not null)
            {
                if (item.MethodId == MethodIds.Teamsitzung || !catalog.TryGet(item.MethodId, out var method))
                {
                    return Rejections.UnknownMethod(item.MethodId);
                }

                if (item.Timebox < method.Budget.MinTotal)
                {
                    var minutes = Rejections.Minutes(method.Budget.MinTotal);
                    return Rejections.InvalidAgenda(new(
                        $"{method.Name.De} braucht mindestens {minutes} Minuten.",
                        $"{method.Name.En} needs at least {minutes} minutes."));
                }

                if (method.RequiresCaseReference || item.CaseReference is not null)
                {
                    var parsed = CaseReference.Parse(item.CaseReference);
                    if (!parsed.IsSuccess)
                    {
                        return parsed.Rejection!;
                    }

                    caseReference = parsed.Value!.Value;
                }
            }

            cleaned.Add(item with { Title = item.Title.Trim(), CaseReference = caseReference });
        }

        var sum = cleaned.Aggregate(TimeSpan.Zero, (acc, item) => acc + item.Timebox);
        if (sum > total)
        {
            return Rejections.InvalidAgenda(new(
                $"Die Zeitfenster ({Rejections.Minutes(sum)} Minuten) passen nicht in die Gesamtzeit ({Rejections.Minutes(total)} Minuten).",
                $"The timeboxes ({Rejections.Minutes(sum)} minutes) do not fit into the total ({Rejections.Minutes(total)} minutes)."));
        }

        return Outcome<MeetingAgenda>.Success(new MeetingAgenda { Title = title.Trim(), Total = total, Items = cleaned });
    }

    internal string ItemKey(int index) => "punkt-" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
