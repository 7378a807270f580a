namespace GbbTeamsBot.Teams;

/// <summary>
/// Development only (Teams:DevClockSpeed &gt; 1): session time runs faster than real time, so a phase can run out
/// within seconds in the Playground and in end-to-end tests. Timers keep real time; the deadline scanner simply finds
/// deadlines due sooner. The host refuses to start with it outside Development.
/// </summary>
public sealed class DevClock(double speed) : TimeProvider
{
    private readonly DateTimeOffset _origin = System.GetUtcNow();
    private readonly long _started = System.GetTimestamp();

    public double Speed { get; } = speed;

    public override DateTimeOffset GetUtcNow() =>
        _origin + TimeSpan.FromTicks((long)(System.GetElapsedTime(_started).Ticks * Speed));

    /// <summary>Registers the clock when Teams:DevClockSpeed is set; throws at resolution outside Development.</summary>
    internal static void Register(IServiceCollection services, IConfiguration configuration)
    {
        var speed = configuration.GetValue<double?>("Teams:DevClockSpeed");
        if (speed is not > 1)
        {
            return;
        }

        services.AddSingleton<TimeProvider>(sp =>
        {
            var environment = sp.GetRequiredService<IHostEnvironment>();
            if (!environment.IsDevelopment() || speed > 600)
            {
                throw new InvalidOperationException("Teams:DevClockSpeed is for local development only (Development environment, at most 600).");
            }

            return new DevClock(speed.Value);
        });
    }
}
