using System.Net.Mail;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Application.Graph;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Graph;

/// <summary>
/// "Termin anlegen": checks the form (a future date and time, valid addresses), then lets <see cref="NextMeetingService"/>
/// store the intent and create the Outlook event with a Teams meeting in the calendar of whoever pressed the button.
/// The answer shows the date and the join link, or what to do (missing permission, settings, "wird nachgeholt").
/// </summary>
public sealed partial class ScheduleNextMeetingAction(SessionActionServices services, NextMeetingService meetings, ILogger<ScheduleNextMeetingAction> logger) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.MeetingSchedule;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var session = await Sessions.GetAsync(request.Address, cancellationToken);
        if (session is null)
        {
            return ActionResultCard.Build(new MessageView(MessageCode.SessionNotFound), request.Context);
        }

        var method = CardVocabulary.Method(session.Method.Id);
        var t = CardTexts.For(request.Context.Language);
        var form = PlanNextMeetingAction.Form(session, method, request.Context);
        var data = request.Data;
        var inviteesText = data.Text(CardDataKeys.MeetingInvitees) ?? string.Empty;
        form = form with { Invitees = inviteesText };

        var organizer = request.Turn.Activity.From?.AadObjectId;
        if (string.IsNullOrWhiteSpace(organizer) || TeamsSettingsGuest(request))
        {
            return NextMeetingCards.Form(form with { Problem = t["NextMeeting_NoAccount"] }, request.Context);
        }

        var start = NextMeetingService.ParseStart(data.Text(CardDataKeys.MeetingDate), data.Text(CardDataKeys.MeetingTime), session.State.TimeZoneId);
        if (start is null || start <= Time.GetUtcNow())
        {
            return NextMeetingCards.Form(form with { Problem = t["NextMeeting_InvalidTime"] }, request.Context);
        }

        var minutes = int.TryParse(data.Text(CardDataKeys.MeetingMinutes), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m)
            && NextMeetingCards.DurationChoices.Contains(m) ? m : form.Minutes;
        var invitees = inviteesText.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (invitees.Length > NextMeetingService.MaxAttendees)
        {
            return NextMeetingCards.Form(form with { Problem = t.Format("NextMeeting_TooManyInvitees", NextMeetingService.MaxAttendees) }, request.Context);
        }

        foreach (var invitee in invitees)
        {
            if (!MailAddress.TryCreate(invitee, out var address) || address.Address != invitee || invitee.Length > 254)
            {
                return NextMeetingCards.Form(form with { Problem = t.Format("NextMeeting_InvalidInvitee", (invitee.Length > 80 ? invitee[..80] + "…" : invitee)) }, request.Context);
            }
        }

        var organizerAddress = await OrganizerAddressAsync(request, cancellationToken);
        if (NextMeetingRules.CheckInvitees(invitees, organizerAddress, session.Method.RequiresConsent, session.State.Consent, start.Value) is { } refused)
        {
            return NextMeetingCards.Form(form with { Problem = refused.Message.In(SessionViewMapper.Lang(request.Who.Language)) }, request.Context);
        }

        var outcome = await meetings.ScheduleAsync(
            new NextMeetingRequest(
                request.Address,
                data.RequestId ?? request.Turn.Activity.Id ?? Guid.NewGuid().ToString("N"),
                organizer,
                start.Value,
                TimeSpan.FromMinutes(minutes),
                invitees.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                session.Method.Name.De,
                session.State.CaseReference),
            cancellationToken);
        var kind = outcome.Result switch
        {
            GraphWorkResult.Done => NextMeetingResultKind.Scheduled,
            GraphWorkResult.Deferred => NextMeetingResultKind.Deferred,
            GraphWorkResult.PermissionMissing => NextMeetingResultKind.PermissionMissing,
            GraphWorkResult.NotFound => NextMeetingResultKind.NotFound,
            GraphWorkResult.Rejected => NextMeetingResultKind.Rejected,
            _ => NextMeetingResultKind.Off,
        };
        var result = NextMeetingCards.Result(
            new NextMeetingResultView(kind, method, session.State.CaseReference)
            {
                Start = outcome.Start,
                JoinUrl = Uri.TryCreate(outcome.JoinUrl, UriKind.Absolute, out var join) && join.Scheme == Uri.UriSchemeHttps ? join : null,
            },
            request.Context);
        if (kind == NextMeetingResultKind.Scheduled)
        {
            // The event is stored and created; the conversation sees the date and the link too, not only whoever pressed.
            try
            {
                await request.Turn.ReplyAsync(Activity.CreateCard(result.ToJson(), result.FallbackText), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPostFailed(logger, ex);
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The next-meeting card could not be posted to the conversation; the event exists")]
    private static partial void LogPostFailed(ILogger logger, Exception exception);

    /// <summary>The presser's e-mail address from the roster (for "who is a colleague"); null when Teams does not say.</summary>
    private async Task<string?> OrganizerAddressAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var member = await request.Turn.Connector.GetMemberAsync(request.Turn.Reference.ConversationId, request.Who.UserId, cancellationToken);
            return member?.Email ?? member?.UserPrincipalName;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMemberLookupFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The organiser's roster entry could not be read; every invitee counts as external")]
    private static partial void LogMemberLookupFailed(ILogger logger, Exception exception);

    private static bool TeamsSettingsGuest(SessionActionRequest request) => Settings.TeamSettingsScreen.IsExternal(request.Turn);
}
