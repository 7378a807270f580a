using System.Text;
using GbbTeamsBot.Application.Knowledge;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Knowledge;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>
/// The shape of every knowledge card action: who acted (guests are refused), the typed card data, one use case, and
/// the list card again with a confirmation or with the reason nothing changed.
/// </summary>
public abstract class KnowledgeActionRoute(KnowledgeScreens screens) : ICardActionRoute
{
    public abstract string Verb { get; }

    protected KnowledgeScreens Screens => screens;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var who = ConversationContext.From(turn);
        var data = new CardData(action.Data);
        AdaptiveCard card;
        if (!KnowledgeScreens.MayUse(turn))
        {
            card = KnowledgeScreens.NotForGuests(who);
        }
        else if (data.HasMalformedControlValues)
        {
            card = ActionResultCard.Build(new MessageView(MessageCode.InvalidInput), who.Cards(screens.Time.GetUtcNow()));
        }
        else
        {
            card = await HandleAsync(turn, who, data, cancellationToken);
        }

        return await CardActionAnswer.SendAsync(turn, card, cancellationToken);
    }

    protected abstract Task<AdaptiveCard> HandleAsync(TurnContext turn, ConversationContext who, CardData data, CancellationToken cancellationToken);

    protected static string Query(CardData data) => data.Text(KnowledgeDataKeys.Query) is { } q ? (q.Length > KnowledgeCommand.MaxQueryLength ? q[..KnowledgeCommand.MaxQueryLength] : q) : string.Empty;

    protected static string? EntryId(CardData data, string key = KnowledgeDataKeys.EntryId) => data.Text(key) is { Length: <= 64 } id ? id : null;

    /// <summary>The list again: with "gespeichert" after a change, or the refusal.</summary>
    protected Task<AdaptiveCard> AfterAsync(ConversationContext who, CardData data, KnowledgeOutcome outcome, CancellationToken cancellationToken) =>
        Screens.ListAsync(who, Query(data), outcome.IsSuccess
            ? new KnowledgeNotice(KnowledgeScreens.Bilingual(who, new("Gespeichert.", "Saved.")), IsError: false)
            : KnowledgeScreens.Refusal(who, outcome.Rejection!), cancellationToken);

    protected Task<AdaptiveCard> RefusedAsync(ConversationContext who, CardData data, Rejection rejection, CancellationToken cancellationToken) =>
        Screens.ListAsync(who, Query(data), KnowledgeScreens.Refusal(who, rejection), cancellationToken);
}

/// <summary>"Zurück zur Liste": the search result as it is now.</summary>
public sealed class SearchKnowledgeAction(KnowledgeScreens screens) : KnowledgeActionRoute(screens)
{
    public override string Verb => KnowledgeVerbs.Search;

    protected override Task<AdaptiveCard> HandleAsync(TurnContext turn, ConversationContext who, CardData data, CancellationToken cancellationToken) =>
        Screens.ListAsync(who, Query(data), notice: null, cancellationToken);
}

/// <summary>"Bearbeiten": the edit card of one entry of this team.</summary>
public sealed class EditKnowledgeEntryAction(KnowledgeScreens screens) : KnowledgeActionRoute(screens)
{
    public override string Verb => KnowledgeVerbs.Edit;

    protected override async Task<AdaptiveCard> HandleAsync(TurnContext turn, ConversationContext who, CardData data, CancellationToken cancellationToken)
    {
        var entry = EntryId(data) is { } id ? await Screens.Knowledge.GetAsync(KnowledgeScreens.Scope(who), id, cancellationToken) : null;
        if (entry is null)
        {
            return await RefusedAsync(who, data, KnowledgeRejections.NotFound(), cancellationToken);
        }

        if (entry.Status == KnowledgeStatus.Merged)
        {
            return await RefusedAsync(who, data, KnowledgeRejections.Merged(), cancellationToken);
        }

        var now = Screens.Time.GetUtcNow();
        return KnowledgeCards.Edit(new KnowledgeEditView(KnowledgeScreens.Entry(entry, now, null), Query(data)), who.Cards(now));
    }
}

/// <summary>"Speichern" on the edit card: validated by the domain (lengths, privacy), stored with the revision the card showed.</summary>
public sealed class SaveKnowledgeEntryAction(KnowledgeScreens screens) : KnowledgeActionRoute(screens)
{
    public override string Verb => KnowledgeVerbs.Save;

    protected override async Task<AdaptiveCard> HandleAsync(TurnContext turn, ConversationContext who, CardData data, CancellationToken cancellationToken)
    {
        if (EntryId(data) is not { } id || data.Int(KnowledgeDataKeys.Revision) is not { } revision || data.Enum<KnowledgeKind>(KnowledgeDataKeys.Category) is not { } kind)
        {
            return await RefusedAsync(who, data, KnowledgeRejections.NotFound(), cancellationToken);
        }

        var tags = (data.String(KnowledgeDataKeys.Tags) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var draft = new KnowledgeDraft(KnowledgeScreens.Category(kind), data.String(KnowledgeDataKeys.Title) ?? string.Empty, data.Text(KnowledgeDataKeys.Description), data.Text(KnowledgeDataKeys.Area), data.Text(KnowledgeDataKeys.Place), tags);
        var outcome = await Screens.Knowledge.EditAsync(KnowledgeScreens.Scope(who), id, revision, draft, who.UserId, data.ConfirmedDespiteWarnings, cancellationToken);
        if (!outcome.IsSuccess && Screens.Knowledge is { } knowledge && await knowledge.GetAsync(KnowledgeScreens.Scope(who), id, cancellationToken) is { Status: not KnowledgeStatus.Merged } current
            && outcome.Rejection!.Code is RejectionCode.TextMissing or RejectionCode.TextTooLong or RejectionCode.PrivacyWarning or RejectionCode.LimitReached)
        {
            // The edit card stays, with what was typed, so nothing typed is lost.
            var now = Screens.Time.GetUtcNow();
            var typed = KnowledgeScreens.Entry(current, now, null) with { Title = draft.Title, Description = draft.Description, Area = draft.Area, Place = draft.Place, Tags = tags, Category = kind };
            return KnowledgeCards.Edit(new KnowledgeEditView(typed, Query(data))
            {
                Notice = KnowledgeScreens.Refusal(who, outcome.Rejection),
                OfferKeepDespiteWarnings = outcome.Rejection.Code == RejectionCode.PrivacyWarning,
            }, who.Cards(now));
        }

        return await AfterAsync(who, data, outcome, cancellationToken);
    }
}

/// <summary>"Veraltet" / "Wieder aktuell".</summary>
public sealed class MarkKnowledgeOutdatedAction(KnowledgeScreens screens) : KnowledgeActionRoute(screens)
{
    public override string Verb => KnowledgeVerbs.Outdated;

    protected override async Task<AdaptiveCard> HandleAsync(TurnContext turn, ConversationContext who, CardData data, CancellationToken cancellationToken)
    {
        if (EntryId(data) is not { } id || data.Int(KnowledgeDataKeys.Revision) is not { } revision || data.Bool(KnowledgeDataKeys.Outdated) is not { } outdated)
        {
            return await RefusedAsync(who, data, KnowledgeRejections.NotFound(), cancellationToken);
        }

        var outcome = await Screens.Knowledge.SetOutdatedAsync(KnowledgeScreens.Scope(who), id, revision, outdated, who.UserId, cancellationToken);
        return await AfterAsync(who, data, outcome, cancellationToken);
    }
}

/// <summary>"Zusammenführen mit …": the entry's mentions move to the suggested duplicate; both must belong to this team.</summary>
public sealed class MergeKnowledgeEntriesAction(KnowledgeScreens screens) : KnowledgeActionRoute(screens)
{
    public override string Verb => KnowledgeVerbs.Merge;

    protected override async Task<AdaptiveCard> HandleAsync(TurnContext turn, ConversationContext who, CardData data, CancellationToken cancellationToken)
    {
        if (EntryId(data) is not { } id || EntryId(data, KnowledgeDataKeys.TargetId) is not { } target || data.Int(KnowledgeDataKeys.Revision) is not { } revision)
        {
            return await RefusedAsync(who, data, KnowledgeRejections.NotFound(), cancellationToken);
        }

        var outcome = await Screens.Knowledge.MergeAsync(KnowledgeScreens.Scope(who), target, id, revision, who.UserId, cancellationToken);
        return await AfterAsync(who, data, outcome, cancellationToken);
    }
}

/// <summary>
/// "Als CSV exportieren": the team's catalogue as a CSV file (UTF-8 with BOM, ';'). With <c>Teams:PublicBaseUrl</c> (every
/// deployment) the message carries a download link, valid for 15 minutes (<see cref="KnowledgeExportLink"/>), because
/// Teams shows a bot's file only through a link; without it (the local Playground) the file itself as a data URI. The card
/// answers with the list and a confirmation.
/// </summary>
public sealed class ExportKnowledgeAction(KnowledgeScreens screens, KnowledgeExportLink links, Microsoft.Extensions.Options.IOptions<TeamsOptions> options) : KnowledgeActionRoute(screens)
{
    public const string FileName = "sozialraumwissen.csv";

    public override string Verb => KnowledgeVerbs.Export;

    protected override async Task<AdaptiveCard> HandleAsync(TurnContext turn, ConversationContext who, CardData data, CancellationToken cancellationToken)
    {
        var scope = KnowledgeScreens.Scope(who);
        var language = SessionViewMapper.Lang(who.Language);
        if (options.Value.PublicBaseUrl is { } baseUrl)
        {
            var url = new Uri(baseUrl, KnowledgeExportDownload.Path + "?id=" + Uri.EscapeDataString(links.Create(scope, language)));
            var linkText = KnowledgeScreens.Bilingual(who, new(
                $"Das Sozialraumwissen als CSV-Datei (für Excel, UTF-8, Trennzeichen Semikolon): [{FileName} herunterladen]({url}) (Link 15 Minuten gültig).",
                $"The neighbourhood knowledge as a CSV file (for Excel, UTF-8, semicolon separated): [download {FileName}]({url}) (link valid for 15 minutes)."));
            await turn.ReplyAsync(new Activity { Type = ActivityTypes.Message, Text = linkText, TextFormat = "markdown" }, cancellationToken);
            return await Screens.ListAsync(who, Query(data), new KnowledgeNotice(KnowledgeScreens.Bilingual(who, new("Der Download-Link wurde gesendet.", "The download link was sent.")), IsError: false), cancellationToken);
        }

        var csv = await Screens.Knowledge.ExportCsvAsync(scope, language, cancellationToken);
        var text = KnowledgeScreens.Bilingual(who, new("Das Sozialraumwissen als CSV-Datei (für Excel, UTF-8, Trennzeichen Semikolon).", "The neighbourhood knowledge as a CSV file (for Excel, UTF-8, semicolon separated)."));
        await turn.ReplyAsync(File(text, csv), cancellationToken);
        return await Screens.ListAsync(who, Query(data), new KnowledgeNotice(KnowledgeScreens.Bilingual(who, new("Die CSV-Datei wurde gesendet.", "The CSV file was sent.")), IsError: false), cancellationToken);
    }

    private static Activity File(string text, byte[] csv) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments =
        [
            new Attachment("text/csv", null)
            {
                ContentUrl = "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(csv),
                Name = FileName,
            },
        ],
    };
}
