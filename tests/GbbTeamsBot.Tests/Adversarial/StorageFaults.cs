using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using GbbTeamsBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>
/// A storage blip on demand, in front of the real Azurite: the next matching requests fail as if the service could not
/// be reached, once per call (the policy sits before the SDK's retries, so the blip is instant instead of half a minute).
/// </summary>
public sealed class StorageFaults : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private Func<HttpMessage, bool>? _matches;
    private int _remaining;

    public int Injected { get; private set; }

    /// <summary>Fails the next <paramref name="count"/> requests that match.</summary>
    public void FailNext(int count, Func<HttpMessage, bool> matches)
    {
        lock (_gate)
        {
            _matches = matches;
            _remaining = count;
        }
    }

    public static bool IsBatch(HttpMessage message) => message.Request.Uri.ToString().Contains("$batch", StringComparison.Ordinal);

    /// <summary>An update or delete of a row in the idempotency table (marking an activity done or forgetting it).</summary>
    public static bool IsActivityRecordChange(HttpMessage message) =>
        message.Request.Uri.ToString().Contains("Idempotency", StringComparison.Ordinal)
        && message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Post;

    /// <summary>Registers the host's Table client with this policy in its pipeline.</summary>
    public void Install(IServiceCollection services, string connectionString)
    {
        services.RemoveAll<TableServiceClient>();
        var options = StorageSetup.DefaultClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        services.AddSingleton(new TableServiceClient(connectionString, options));
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Fail(HttpMessage message)
    {
        lock (_gate)
        {
            if (_remaining > 0 && _matches?.Invoke(message) == true)
            {
                _remaining--;
                Injected++;
                throw new HttpRequestException("Injected storage fault (test).");
            }
        }
    }
}
