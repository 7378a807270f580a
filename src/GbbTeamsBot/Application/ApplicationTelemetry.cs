using System.Diagnostics;
using System.Diagnostics.Metrics;
using GbbTeamsBot.Domain.Deadlines;

namespace GbbTeamsBot.Application;

/// <summary>Metrics of the use cases: how late deadlines fire. Kinds only, never session content.</summary>
public static class ApplicationTelemetry
{
    public const string Name = "GbbTeamsBot.Application";

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> DeadlineLateness = Meter.CreateHistogram<double>(
        "gbb.deadline.lateness", "s", "Time between a deadline's due time and its firing, by deadline kind.");

    internal static void DeadlineFired(Deadline deadline, DateTimeOffset firedAt, bool late) =>
        DeadlineLateness.Record(Math.Max(0, (firedAt - deadline.DueAt).TotalSeconds), new TagList
        {
            { "gbb.deadline.kind", deadline.Kind.ToString() },
            // "Late" is the domain's verdict (beyond its tolerance, e.g. missed while no instance ran), shown on the card.
            { "gbb.deadline.late", late },
        });
}
