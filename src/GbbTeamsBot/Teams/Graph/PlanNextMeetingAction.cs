using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Teams;
using GbbTeamsBot.Graph;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Sessions;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Teams.Graph;

/// <summary>"Nächsten Termin planen": the form for the next meeting of a session, a week later at the same time by default.</summary>
public sealed class PlanNextMeetingAction(SessionActionServices services, IOptions<GraphOptions> graph) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.MeetingPlan;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var session = await Sessions.GetAsync(request.Address, cancellationToken);
        if (session is null)
        {
            return ActionResultCard.Build(new MessageView(MessageCode.SessionNotFound), request.Context);
        }

        var method = CardVocabulary.Method(session.Method.Id);
        if (!graph.Value.Enabled || !(request.Who.Settings.Graph ?? GraphFeatures.Off).Calendar)
        {
            return NextMeetingCards.Result(new NextMeetingResultView(NextMeetingResultKind.Off, method, session.State.CaseReference), request.Context);
        }

        var invitees = await InternalParticipantAddressesAsync(request, session, cancellationToken);
        return NextMeetingCards.Form(Form(session, method, request.Context) with { Invitees = string.Join(", ", invitees) }, request.Context);
    }

    /// <summary>
    /// The session's internal participants (not the presser, who organises) as e-mail addresses from the Teams roster,
    /// preselected on the form; someone the roster does not give an address for is left out (the form can add them).
    /// </summary>
    private static async Task<IReadOnlyList<string>> InternalParticipantAddressesAsync(SessionActionRequest request, SessionView session, CancellationToken cancellationToken)
    {
        var ids = session.State.Participants
            .Where(p => !p.IsExternal && p.Id != request.Who.UserId)
            .Select(p => p.Id)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxPreselected)
            .ToList();
        var lookups = ids.Select(async id =>
        {
            try
            {
                var member = await request.Turn.Connector.GetMemberAsync(request.Turn.Reference.ConversationId, id, cancellationToken);
                return member?.Email ?? member?.UserPrincipalName;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return null;
            }
        });
        return (await Task.WhenAll(lookups)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private const int MaxPreselected = 20;

    internal static NextMeetingFormView Form(SessionView session, MethodKind method, CardContext context)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.State.TimeZoneId);
        var basis = TimeZoneInfo.ConvertTime(session.State.StartedAt ?? context.Now, zone);
        var nextWeek = DateOnly.FromDateTime(basis.DateTime).AddDays(7);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Now, zone).DateTime);
        var time = new TimeOnly(basis.Hour, basis.Minute >= 30 ? 30 : 0).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (!NextMeetingCards.TimeChoices.Contains(time))
        {
            time = "10:00";
        }

        var minutes = (int)Math.Round(session.State.Phases.Sum(p => p.Planned.TotalMinutes));
        minutes = NextMeetingCards.DurationChoices.FirstOrDefault(m => m >= minutes, NextMeetingCards.DurationChoices[^1]);
        return new NextMeetingFormView(new SessionRef(session.Address.SessionId, session.Version), method, session.State.CaseReference, nextWeek > today ? nextWeek : today.AddDays(7), time, minutes);
    }
}
