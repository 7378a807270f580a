using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>"Nächste Seite" / "Vorherige Seite" on the team's open agreements: the same list, another page. Changes nothing.</summary>
public sealed class ShowAgreementsPageAction(OpenAgreementsList list) : ICardActionRoute
{
    /// <summary>More pages than any team's list can have (a cap on what card data may ask for).</summary>
    public const int MaxPage = 1_000;

    public string Verb => CardVerbs.AgreementsPage;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var page = new CardData(action.Data).Int(CardDataKeys.Page) is { } requested ? Math.Clamp(requested, 0, MaxPage) : 0;
        var card = await list.BuildAsync(turn, ConversationContext.From(turn), cancellationToken, page: page);
        return await CardActionAnswer.SendAsync(turn, card, cancellationToken);
    }
}
