using GbbTeamsBot.Domain.DataProtection;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.DataProtection;

/// <summary>The "Retention" section: how long ended sessions are kept, how often the purge runs, who may delete any case.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Retention:CompletedSessionMonths, months an ended session and what it produced are kept (1 to 120).</summary>
    public int CompletedSessionMonths { get; set; } = RetentionPolicy.DefaultCompletedSessionMonths;

    /// <summary>Retention:PurgeInterval, how often the purge looks for ended sessions past their period (1 minute to 7 days).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Retention:PurgeBatchSize, the most sessions one purge run deletes (1 to 1,000); the rest wait for the next run.</summary>
    public int PurgeBatchSize { get; set; } = 100;

    /// <summary>Retention:AdministratorIds, Teams user ids (29:… or AAD object ids) of data-protection administrators who may delete any case of any team.</summary>
    public IList<string> AdministratorIds { get; } = [];
}

/// <summary>Stops the host at start-up when the retention settings make no sense, naming the key.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        if (RetentionPolicy.Create(options.CompletedSessionMonths).Rejection is not null)
        {
            failures.Add($"Retention:CompletedSessionMonths must be between {RetentionPolicy.MinMonths} and {RetentionPolicy.MaxMonths}.");
        }

        if (options.PurgeInterval < TimeSpan.FromMinutes(1) || options.PurgeInterval > TimeSpan.FromDays(7))
        {
            failures.Add("Retention:PurgeInterval must be between 1 minute and 7 days.");
        }

        if (options.PurgeBatchSize is < 1 or > 1000)
        {
            failures.Add("Retention:PurgeBatchSize must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
