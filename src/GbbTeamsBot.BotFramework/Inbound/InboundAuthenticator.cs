using System.Security.Claims;
using GbbTeamsBot.BotFramework.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>Applies the configured mode: validate tokens, refuse everything (no app id), or accept all (local Playground).</summary>
public sealed class InboundAuthenticator : IDisposable
{
    private readonly BotAuthenticationMode _mode;
    private readonly BotTokenValidator? _validator;
    private readonly OpenIdKeySource? _botFrameworkKeys;
    private readonly OpenIdKeySource? _entraKeys;

    public InboundAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(loggers);
        var bot = options.Value;
        _mode = bot.Mode;
        if (_mode != BotAuthenticationMode.Authenticated)
        {
            return;
        }

        var http = httpClients.CreateClient(BotFrameworkSetup.MetadataHttpClient);
        var keyLogger = loggers.CreateLogger<OpenIdKeySource>();
        _botFrameworkKeys = new OpenIdKeySource(new Uri(bot.Auth.BotFrameworkMetadataUrl), http, time, bot.Auth, keyLogger);
        _entraKeys = new OpenIdKeySource(new Uri(bot.Auth.EntraMetadataUrl), http, time, bot.Auth, keyLogger);
        _validator = new BotTokenValidator(bot.AppId, bot.TenantId, _botFrameworkKeys, _entraKeys, loggers.CreateLogger<BotTokenValidator>());
    }

    public BotAuthenticationMode Mode => _mode;

    public Task<BotAuthResult> AuthenticateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken) => _mode switch
    {
        BotAuthenticationMode.Unauthenticated => Task.FromResult(BotAuthResult.Success(new ClaimsIdentity([], "anonymous"))),
        BotAuthenticationMode.Authenticated => _validator!.ValidateAsync(authorization, channelId, serviceUrl, cancellationToken),
        _ => Task.FromResult(BotAuthResult.Refused),
    };

    /// <summary>Fetches both key sets ahead of the first request; failures are left for the first request to report.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        foreach (var source in new[] { _botFrameworkKeys, _entraKeys })
        {
            if (source is null)
            {
                continue;
            }

            try
            {
                await source.GetKeysAsync(cancellationToken);
            }
            catch (SigningKeysUnavailableException)
            {
                // Fail closed later, per request; start-up must not depend on the metadata host.
            }
        }
    }

    public void Dispose()
    {
        _botFrameworkKeys?.Dispose();
        _entraKeys?.Dispose();
    }
}
