using GbbTeamsBot.Application.DataProtection;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Application.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application;

/// <summary>
/// Registers the application layer: <see cref="SessionService"/>, <see cref="TeamQueries"/>, the persistence mapping,
/// the default <see cref="ISessionNotifier"/> (no-op; register your own to replace it, before or after this call) and
/// the durable <see cref="DeadlineScanner"/> as a hosted service (unless Engine:DeadlineScannerEnabled is false).
/// Needs <c>AddGbbStorage</c>.
/// </summary>
public static class ApplicationSetup
{
    public static IServiceCollection AddGbbApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EngineOptions.SectionName);
        services.AddOptions<EngineOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>());
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<SessionStore>();
        services.TryAddSingleton<SessionCache>();
        services.TryAddSingleton<OutlivingRecords>();
        services.TryAddSingleton<Knowledge.KnowledgeService>();
        services.TryAddSingleton<DeadlineSchedule>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.TryAddSingleton<ISessionNotifier, NullSessionNotifier>();
        services.TryAddSingleton<SessionService>();
        services.TryAddSingleton<TeamQueries>();
        services.TryAddSingleton<TeamSettingsService>();
        services.TryAddSingleton<AgreementStatusService>();
        services.TryAddSingleton<CaseHistoryQuery>();
        services.TryAddSingleton<Reminders.AgreementReminderService>();
        services.TryAddSingleton<Reminders.IAgreementReminderSender, Reminders.NullReminderSender>();
        services.TryAddSingleton<CaseDataDeletion>();
        services.TryAddSingleton<RetentionPurgeService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionPurgeService>());
        services.TryAddSingleton<DeadlineFirer>();
        services.TryAddSingleton<DeadlineScanner>();
        services.TryAddSingleton<OutboxReplayService>();
        if (section.GetValue(nameof(EngineOptions.OutboxReplayEnabled), true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxReplayService>());
        }

        if (section.GetValue(nameof(EngineOptions.DeadlineScannerEnabled), true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<DeadlineScanner>());
        }

        return services;
    }
}

/// <summary>Stops the host at start-up with a clear message when the engine's timings make no sense.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var failures = new List<string>();
        if (options.DeadlineScanInterval < TimeSpan.FromMilliseconds(50) || options.DeadlineScanInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add("Engine:DeadlineScanInterval must be between 50 ms and 1 minute.");
        }

        if (options.DeadlineLease < TimeSpan.FromSeconds(1) || options.DeadlineLease > TimeSpan.FromMinutes(10))
        {
            failures.Add("Engine:DeadlineLease must be between 1 second and 10 minutes.");
        }

        if (options.DeadlineClaimAhead < TimeSpan.Zero || options.DeadlineClaimAhead > options.DeadlineLease / 2)
        {
            failures.Add("Engine:DeadlineClaimAhead must be between 0 and half the lease.");
        }

        if (options.DeadlineKeepAhead < TimeSpan.Zero || options.DeadlineKeepAhead > TimeSpan.FromHours(1))
        {
            failures.Add("Engine:DeadlineKeepAhead must be between 0 and 1 hour.");
        }

        if (options.StartupLookback <= TimeSpan.Zero || options.StartupLookback > TimeSpan.FromDays(6))
        {
            failures.Add("Engine:StartupLookback must be between 0 and 6 days.");
        }

        if (options.RecoveryWindow < options.DeadlineLease || options.RecoveryWindow > TimeSpan.FromDays(1))
        {
            failures.Add("Engine:RecoveryWindow must be at least the lease and at most 1 day.");
        }

        if (options.RecoverySweepInterval <= TimeSpan.Zero)
        {
            failures.Add("Engine:RecoverySweepInterval must be positive.");
        }

        if (options.MaxConcurrentFirings is < 1 or > 64)
        {
            failures.Add("Engine:MaxConcurrentFirings must be between 1 and 64.");
        }

        if (options.MaxFiringsPerScan is < 1 or > 5000)
        {
            failures.Add("Engine:MaxFiringsPerScan must be between 1 and 5000.");
        }

        if (options.OutboxReplayInterval < TimeSpan.FromMilliseconds(50) || options.OutboxReplayInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Engine:OutboxReplayInterval must be between 50 ms and 1 hour.");
        }

        if (options.OutboxReplayDelay < TimeSpan.Zero || options.OutboxReplayDelay > TimeSpan.FromHours(1))
        {
            failures.Add("Engine:OutboxReplayDelay must be between 0 and 1 hour.");
        }

        if (options.RequestTimeToLive < TimeSpan.FromMinutes(1))
        {
            failures.Add("Engine:RequestTimeToLive must be at least 1 minute.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
