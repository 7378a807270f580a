using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>The application's side of the bot: one implementation, registered by the host.</summary>
public interface IActivityHandler
{
    /// <summary>Messages, conversationUpdate, installationUpdate, events. Runs after the HTTP answer (200) was sent.</summary>
    Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>Invokes; the result is the HTTP answer. Work beyond the invoke budget continues after the answer.</summary>
    Task<InvokeResponse> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>The answer when <see cref="OnInvokeAsync"/> did not finish within the budget (it keeps running).</summary>
    InvokeResponse OnInvokeTimedOut(Activity invoke) => InvokeResponse.Empty;
}
