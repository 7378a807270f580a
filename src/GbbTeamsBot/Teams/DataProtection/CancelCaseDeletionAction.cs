using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Teams.DataProtection;

/// <summary>"Abbrechen" on the deletion card: nothing is deleted, and the card says so.</summary>
public sealed class CancelCaseDeletionAction(TimeProvider time) : ICardActionRoute
{
    public string Verb => CardVerbs.CaseDeleteCancel;

    public Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var card = CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Cancelled, string.Empty, 0, 0, 0), who.Cards(time.GetUtcNow()));
        return CardActionAnswer.SendAsync(turn, card, cancellationToken);
    }
}
