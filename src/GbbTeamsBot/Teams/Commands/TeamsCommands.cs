using System.Globalization;
using System.Text.RegularExpressions;
using GbbTeamsBot.Application;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Teams.Agreements;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;
using GbbTeamsBot.Teams.Sessions;
using OpenAgreementView = GbbTeamsBot.Cards.ViewModels.OpenAgreementView;

namespace GbbTeamsBot.Teams.Commands;

/// <summary>"kb", "Kollegiale Beratung", "Helferkonferenz", …: replies with the setup card for the method. Text after the command is taken as the case pseudonym.</summary>
public sealed class StartMethodCommand(MethodKind method, IReadOnlyCollection<string> words, SessionSetupFlow setup) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } = words;

    public MethodKind Method { get; } = method;

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        setup.PostSetupCardAsync(turn, Method, string.IsNullOrWhiteSpace(arguments) ? null : arguments.Trim(), cancellationToken);

    /// <summary>The words of each method that has a setup command.</summary>
    public static IReadOnlyList<(MethodKind Method, string[] Words)> Commands { get; } =
    [
        (MethodKind.KollegialeBeratung, ["kb", "kollegiale beratung", "kollegiale-beratung", "collegial consultation"]),
        (MethodKind.Helferkonferenz, ["helferkonferenz", "fallkonferenz", "helper conference"]),
        (MethodKind.SozialraumRunde, ["sozialraum", "sozialraum-runde", "sozialraumrunde", "neighbourhood round"]),
        (MethodKind.Sozialraumvorhaben, ["vorhaben", "sozialraumvorhaben", "project"]),
    ];
}

/// <summary>"protokolle" / "protocols": the team's confirmed protocols, newest first: those that ran here or that the asker took part in.</summary>
public sealed class ProtocolsCommand(TeamQueries queries, SessionService sessions, TimeProvider time) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } = ["protokolle", "protocols"];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var all = await queries.ListProtocolsAsync(who.TenantId, who.TeamKey, cancellationToken);

        // A session's records are shown where it ran and to its participants (the list offers nothing that then refuses).
        var list = new List<ProtocolListItem>();
        foreach (var protocol in all)
        {
            if (await sessions.GetAsync(new SessionAddress(who.TenantId, who.TeamKey, protocol.SessionId), cancellationToken) is { } session
                && Participation.RecordVisibility.MayShow(session, who))
            {
                list.Add(protocol);
            }
        }

        var items = list.Select(p => new ProtocolListItemView(
            new SessionRef(p.SessionId, 0),
            CardVocabulary.Method(p.MethodId),
            p.CaseReference ?? string.Empty,
            p.Date ?? p.ConfirmedAt ?? time.GetUtcNow())
        {
            IsConfirmed = p.ConfirmedAt is not null,
        }).ToList();
        var card = ProtocolListCard.Build(new ProtocolListView(AgreementsCommand.TeamName(turn), items), who.Cards(time.GetUtcNow()));
        await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
    }
}

/// <summary>
/// "teamsitzung Titel: Punkt 15; Kollegiale Beratung Fall Ahorn-07 45; Sonstiges 10": prepares the team meeting's
/// agenda (posted when the meeting starts, or at once outside meetings). Without items it explains the format.
/// </summary>
public sealed partial class AgendaCommand(SessionService sessions, TimeProvider time) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } = ["teamsitzung", "team meeting", "agenda", "tagesordnung"];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var texts = TeamsTexts.For(who.Language);
        var context = who.Cards(time.GetUtcNow());
        if (!TryParse(arguments, out var title, out var items))
        {
            await Reply(turn, SessionScreens.Message(texts["Agenda_Usage"], isError: false), cancellationToken);
            return;
        }

        var total = items.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.Timebox);
        var agenda = MeetingAgenda.Create(title, total, items, MethodCatalog.Default);
        if (!agenda.IsSuccess)
        {
            await Reply(turn, SessionScreens.Message(agenda.Rejection!.Message.In(SessionViewMapper.Lang(who.Language)) + " " + texts["Agenda_Usage"], isError: true), cancellationToken);
            return;
        }

        var created = await sessions.CreateAsync(new CreateSessionRequest(who.TenantId, who.TeamKey, who.ConversationId, who.UserId, who.UserName, MethodIds.Teamsitzung)
        {
            Agenda = agenda.Value,
            Settings = who.Settings,
        }, cancellationToken);
        if (created.Session is not { } session)
        {
            await Reply(turn, SessionScreens.Message(created.Rejection!.Message.In(SessionViewMapper.Lang(who.Language)), isError: true), cancellationToken);
            return;
        }

        if (who.MeetingId is not null)
        {
            // In a meeting chat the agenda appears when the meeting starts (meetingStart event).
            await Reply(turn, SessionScreens.Message(texts["Agenda_Prepared"], isError: false), cancellationToken);
            return;
        }

        var card = SessionScreens.Render(session, null, null, context);
        var posted = await turn.SendAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
        if (posted?.Id is { Length: > 0 } id)
        {
            await sessions.SetLiveCardAsync(session.Address, new LiveCardLocation(who.ConversationId, id), cancellationToken);
        }
    }

    private static Task Reply(TurnContext turn, AdaptiveCard card, CancellationToken cancellationToken) =>
        turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);

    /// <summary>"Title: item minutes; item minutes; …" — a method name at the start of an item makes it a method item, the rest its case pseudonym.</summary>
    public static bool TryParse(string arguments, out string title, out IReadOnlyList<AgendaItem> items)
    {
        title = string.Empty;
        items = [];
        if (string.IsNullOrWhiteSpace(arguments))
        {
            return false;
        }

        var colon = arguments.IndexOf(':', StringComparison.Ordinal);
        title = colon > 0 ? arguments[..colon].Trim() : "Teamsitzung";
        var rest = colon > 0 ? arguments[(colon + 1)..] : arguments;
        var list = new List<AgendaItem>();
        foreach (var part in rest.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MeetingAgenda.MaxItems + 1))
        {
            Match match;
            try
            {
                match = ItemPattern().Match(part);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }

            if (!match.Success)
            {
                return false;
            }

            var text = match.Groups["text"].Value.Trim();
            var minutes = int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture);
            var (methodId, pseudonym) = MethodOf(text);
            list.Add(new AgendaItem(text, TimeSpan.FromMinutes(minutes), methodId, pseudonym));
        }

        items = list;
        return list.Count > 0;
    }

    private static (string? MethodId, string? CaseReference) MethodOf(string text)
    {
        (string Prefix, string Id)[] known =
        [
            ("Kollegiale Beratung", MethodIds.KollegialeBeratung),
            ("KB", MethodIds.KollegialeBeratung),
            ("Helferkonferenz", MethodIds.Helferkonferenz),
            ("Sozialraum-Runde", MethodIds.SozialraumRunde),
            ("Sozialraumrunde", MethodIds.SozialraumRunde),
            ("Sozialraumvorhaben", MethodIds.Sozialraumvorhaben),
        ];
        foreach (var (prefix, id) in known)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (text.Length == prefix.Length || char.IsWhiteSpace(text[prefix.Length])))
            {
                var pseudonym = text[prefix.Length..].Trim();
                return (id, pseudonym.Length == 0 ? null : pseudonym);
            }
        }

        return (null, null);
    }

    [GeneratedRegex(@"^(?<text>.+?)\s+(?<minutes>\d{1,3})\s*(min\.?|minuten|minutes)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ItemPattern();
}
