using System.Security.Claims;
using GbbTeamsBot.BotFramework.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>Applies the configured mode: validate tokens, refuse everything (no app id), or accept all (local Playground).</summary>
public sealed partial class InboundAuthenticator : IDisposable
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
        var logger = loggers.CreateLogger<InboundAuthenticator>();
        if (_mode == BotAuthenticationMode.Unauthenticated)
        {
            LogUnauthenticatedMode(logger);
            return;
        }

        if (_mode == BotAuthenticationMode.RefuseAll)
        {
            LogRefusingAll(logger);
            return;
        }

        var http = httpClients.CreateClient(BotFrameworkSetup.MetadataHttpClient);
        var keyLogger = loggers.CreateLogger<OpenIdKeySource>();
        _botFrameworkKeys = new OpenIdKeySource(new Uri(bot.Auth.BotFrameworkMetadataUrl), http, time, bot.Auth, keyLogger);
        _entraKeys = new OpenIdKeySource(new Uri(bot.Auth.EntraMetadataUrl), http, time, bot.Auth, keyLogger);
        _validator = new BotTokenValidator(bot.AppId, bot.TenantId, bot.Auth.AllowedCallers, _botFrameworkKeys, _entraKeys, loggers.CreateLogger<BotTokenValidator>());
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:AllowUnauthenticated is on: activities are accepted without a token and replies carry none (local Playground use only)")]
    private static partial void LogUnauthenticatedMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:AppId is empty: every request to the messages endpoint is refused")]
    private static partial void LogRefusingAll(ILogger logger);

    public void Dispose()
    {
        _botFrameworkKeys?.Dispose();
        _entraKeys?.Dispose();
    }
}
