namespace GbbTeamsBot.Teams;

/// <summary>
/// Development only (Teams:DevClockSpeed &gt; 1, or Teams:DevClockOffset): session time runs faster than real time, so a
/// phase can run out within seconds in the Playground and in end-to-end tests, and it can start shifted (e.g. one day
/// ahead, so two Sozialraum-Runden are held "on different days" by restarting the host). Timers keep real time; the
/// deadline scanner simply finds deadlines due sooner. The host refuses to start with it outside Development.
/// </summary>
public sealed class DevClock(double speed, TimeSpan offset = default) : TimeProvider
{
    /// <summary>The largest offset accepted (a year and a bit either way).</summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(400);

    private readonly DateTimeOffset _origin = System.GetUtcNow() + offset;
    private readonly long _started = System.GetTimestamp();

    public double Speed { get; } = speed;

    public override DateTimeOffset GetUtcNow() =>
        _origin + TimeSpan.FromTicks((long)(System.GetElapsedTime(_started).Ticks * Speed));

    /// <summary>Registers the clock when Teams:DevClockSpeed or Teams:DevClockOffset is set; throws at resolution outside Development.</summary>
    internal static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var speed = configuration.GetValue<double?>("Teams:DevClockSpeed");
        var offset = configuration.GetValue<TimeSpan?>("Teams:DevClockOffset");
        if (speed is not > 1 && offset is null)
        {
            return;
        }

        services.AddSingleton<TimeProvider>(sp =>
        {
            var environment = sp.GetRequiredService<IHostEnvironment>();
            if (!environment.IsDevelopment() || speed > 600 || (offset is { } o && o.Duration() > MaxOffset))
            {
                throw new InvalidOperationException("Teams:DevClockSpeed and Teams:DevClockOffset are for local development only (Development environment, speed at most 600, offset at most 400 days).");
            }

            return new DevClock(speed is > 1 ? speed.Value : 1, offset ?? TimeSpan.Zero);
        });
    }
}
