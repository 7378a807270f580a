using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>"wissen [Suchbegriffe]" / "knowledge [terms]": matching entries grouped by category, with counts and last mention.</summary>
public sealed class KnowledgeCommand(KnowledgeScreens screens) : IBotCommandRoute
{
    /// <summary>Longest search text taken; the rest is ignored (1-3 words are the norm).</summary>
    public const int MaxQueryLength = 200;

    public IReadOnlyCollection<string> Words { get; } =
        [BotCommand.Wissen.Word(UiLanguage.German), BotCommand.Wissen.Word(UiLanguage.English), "sozialraumwissen"];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        if (!KnowledgeScreens.MayUse(turn))
        {
            await KnowledgeScreens.ReplyAsync(turn, KnowledgeScreens.NotForGuests(who), cancellationToken);
            return;
        }

        var query = (arguments ?? string.Empty).Trim();
        query = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        await KnowledgeScreens.ReplyAsync(turn, await screens.ListAsync(who, query, notice: null, cancellationToken), cancellationToken);
    }
}

/// <summary>"bedarfe" / "needs": Bedarfslagen ranked by mentions in the last 3, 6 and 12 months, with the trend.</summary>
public sealed class NeedsCommand(KnowledgeScreens screens) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } =
        [BotCommand.Bedarfe.Word(UiLanguage.German), BotCommand.Bedarfe.Word(UiLanguage.English), "bedarfslagen"];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var card = KnowledgeScreens.MayUse(turn) ? await screens.NeedsAsync(who, cancellationToken) : KnowledgeScreens.NotForGuests(who);
        await KnowledgeScreens.ReplyAsync(turn, card, cancellationToken);
    }
}
