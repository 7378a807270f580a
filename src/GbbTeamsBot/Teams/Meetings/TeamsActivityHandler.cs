using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Meetings;

/// <summary>
/// Wraps the bot's handler: remembers each conversation's language, time zone and meeting, and handles the meeting
/// start event (posts the prepared team meeting agenda as the meeting's live card). Everything else goes to the
/// inner handler unchanged.
/// </summary>
public sealed partial class TeamsActivityHandler(
    IActivityHandler inner,
    ConversationPreferences preferences,
    SessionService sessions,
    TeamQueries queries,
    TeamSettingsService settings,
    TimeProvider time,
    ILogger<TeamsActivityHandler> logger) : IActivityHandler
{
    public async Task OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await LoadTeamSettingsAsync(turn, cancellationToken);
        var who = ConversationContext.From(turn);
        preferences.Remember(who);
        if (MeetingEvents.ReadLifecycle(turn.Activity) is { Started: true })
        {
            await OnMeetingStartAsync(turn, who, cancellationToken);
            return;
        }

        await inner.OnActivityAsync(turn, cancellationToken);
    }

    public async Task<InvokeResponse> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await LoadTeamSettingsAsync(turn, cancellationToken);
        preferences.Remember(ConversationContext.From(turn));
        return await inner.OnInvokeAsync(turn, cancellationToken);
    }

    /// <summary>
    /// How long a turn waits for the team's settings before it goes on with the defaults (a point read, cached per
    /// instance; card actions must be answered within the invoke budget). Creating a session reads them again without
    /// this limit (<see cref="Sessions.SessionSetupFlow"/>), so a new session never gets the defaults by accident.
    /// </summary>
    private static readonly TimeSpan SettingsReadLimit = TimeSpan.FromMilliseconds(300);

    /// <summary>Every turn speaks the team's language and shows its time zone (see <see cref="ConversationContext.From"/>).</summary>
    private async Task LoadTeamSettingsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var (tenant, team) = ConversationContext.ScopeOf(turn);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(SettingsReadLimit);
        try
        {
            turn.Items[ConversationContext.TeamSettingsItem] = await settings.GetAsync(tenant, team, limit.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // Storage trouble must not silence the bot (or slow every answer): the settings last seen here, else the
            // defaults (German, Europe/Berlin), apply to this turn.
            turn.Items[ConversationContext.TeamSettingsItem] = settings.Fallback(tenant, team);
            LogSettingsUnavailable(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team settings could not be read; the defaults apply to this turn")]
    private partial void LogSettingsUnavailable(Exception exception);

    public InvokeResponse OnInvokeTimedOut(Activity invoke) => inner.OnInvokeTimedOut(invoke);

    /// <summary>The newest prepared team meeting of this chat is posted as its agenda card (once: it then has a live card).</summary>
    private async Task OnMeetingStartAsync(TurnContext turn, ConversationContext who, CancellationToken cancellationToken)
    {
        var prepared = await queries.ListSessionsAsync(who.TenantId, who.TeamKey, SessionStatus.Prepared, cancellationToken);
        foreach (var summary in prepared)
        {
            var session = await sessions.GetAsync(new SessionAddress(who.TenantId, who.TeamKey, summary.SessionId), cancellationToken);
            if (session is null || session.Method.Id != MethodIds.Teamsitzung || session.LiveCard is not null)
            {
                continue;
            }

            var card = SessionScreens.Render(session, null, null, who.Cards(time.GetUtcNow()));
            var posted = await turn.SendAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
            if (posted?.Id is { Length: > 0 } id)
            {
                await sessions.SetLiveCardAsync(session.Address, new LiveCardLocation(who.ConversationId, id), cancellationToken);
            }

            LogAgendaPosted(session.Address.SessionId);
            return;
        }

        LogNoAgenda();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting started: agenda of session {SessionId} posted")]
    private partial void LogAgendaPosted(string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting started without a prepared agenda")]
    private partial void LogNoAgenda();
}
