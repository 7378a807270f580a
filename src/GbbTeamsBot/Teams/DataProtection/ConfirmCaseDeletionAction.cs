using GbbTeamsBot.Application.DataProtection;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Teams.DataProtection;

/// <summary>"Endgültig löschen" on the deletion card: deletes when allowed and nothing changed since the preview.</summary>
public sealed partial class ConfirmCaseDeletionAction(CaseDataDeletion deletion, TimeProvider time, ILogger<ConfirmCaseDeletionAction> logger) : ICardActionRoute
{
    public string Verb => CardVerbs.CaseDelete;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var who = ConversationContext.From(turn);
        var context = who.Cards(time.GetUtcNow());
        var data = new CardData(action.Data);
        if (CaseReference.Parse(data.String(CardDataKeys.CasePseudonym)).Value is not { } reference || data.Int(CardDataKeys.SessionCount) is not (>= 0 and var expected))
        {
            return await CardActionAnswer.SendAsync(turn, ActionResultCard.Build(new MessageView(MessageCode.InvalidInput), context), cancellationToken);
        }

        var result = await deletion.DeleteAsync(who.TenantId, who.TeamKey, reference.Value, who.UserId, expected, cancellationToken);
        AdaptiveCard card;
        if (result.Deleted is { } deleted)
        {
            LogDeleted(logger, LogSafe.Id(who.UserId), deleted.Total);
            card = CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Deleted, reference.Value, result.Preview.Sessions, deleted.Protocols, deleted.Agreements), context);
        }
        else
        {
            card = CaseDeletionScreens.Preview(result.Preview, result.Changed ? CaseDeletionStage.Changed : CaseDeletionStage.Preview, who, context);
        }

        return await CardActionAnswer.SendAsync(turn, card, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case data deleted on request of {UserId}: {Rows} rows")]
    private static partial void LogDeleted(ILogger logger, string userId, int rows);
}
