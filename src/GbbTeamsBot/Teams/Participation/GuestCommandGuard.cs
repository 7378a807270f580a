using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Domain.Participation;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Participation;

/// <summary>
/// Commands are for the organisation's colleagues: a guest (or someone Teams cannot place) who writes to the bot in a
/// team or chat gets a short explanation instead of the team's sessions, protocols or agreements. Card actions pass:
/// their handlers apply the role rules, and an external participant's views show only what concerns them.
/// </summary>
public sealed partial class GuestCommandGuard(IActivityHandler inner, MemberStandings standings, ILogger<GuestCommandGuard> logger) : IActivityHandler
{
    public async Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.IsType(ActivityTypes.Message)
            && CardAction.From(activity) is null
            && !string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
            && ParticipantRoles.IsExternal(await standings.OfActorAsync(turn, cancellationToken)))
        {
            LogGuestCommand();
            var texts = TeamsTexts.For(ConversationContext.LanguageOf(turn));
            var card = SessionScreens.Message(texts["Guest_CommandsForStaff"], isError: false);
            await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
            return;
        }

        await inner.OnActivityAsync(turn, cancellationToken);
    }

    public Task<InvokeResponse> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken) => inner.OnInvokeAsync(turn, cancellationToken);

    public InvokeResponse OnInvokeTimedOut(Activity invoke) => inner.OnInvokeTimedOut(invoke);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message from an external participant answered with the guest explanation")]
    private partial void LogGuestCommand();
}
