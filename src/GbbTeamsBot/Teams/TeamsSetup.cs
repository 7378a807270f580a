using GbbTeamsBot.Application;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Teams.Agreements;
using GbbTeamsBot.Teams.Commands;
using GbbTeamsBot.Teams.DataProtection;
using GbbTeamsBot.Teams.Meetings;
using GbbTeamsBot.Teams.Notifications;
using GbbTeamsBot.Teams.Sessions;
using GbbTeamsBot.Teams.Settings;

namespace GbbTeamsBot.Teams;

/// <summary>
/// Registers the Teams experience: text commands, card action routes for every session verb, the notifier that
/// keeps shared cards current and mentions the moderator, and meeting-start handling. No timer re-renders cards:
/// they change when the session does (entries, phase changes, deadlines). Call after
/// <c>AddGbbApplication</c> and <c>AddGbbBot</c>.
/// </summary>
public static class TeamsSetup
{
    public static IServiceCollection AddGbbTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName))
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, "Teams:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();

        DevClock.Register(services, configuration);
        services.AddSingleton<ConversationPreferences>();
        services.AddSingleton<ConversationMembers>();
        services.AddSingleton<SharedCardUpdater>();
        services.AddSingleton<ISessionNotifier, TeamsSessionNotifier>();
        services.AddSingleton<SessionSetupFlow>();
        services.AddSingleton<SessionActionServices>();
        services.AddSingleton<OpenAgreementsList>();
        services.AddSingleton<TeamSettingsScreen>();

        // The route table of card verbs: one handler each (the handler names its verb).
        services.AddSingleton<ICardActionRoute, StartFromSetupAction>();
        services.AddSingleton<ICardActionRoute, RefreshCardAction>();
        services.AddSingleton<ICardActionRoute, ShowViewAction>();
        services.AddSingleton<ICardActionRoute, NextPhaseAction>();
        services.AddSingleton<ICardActionRoute, PreviousPhaseAction>();
        services.AddSingleton<ICardActionRoute, ExtendSessionAction>();
        services.AddSingleton<ICardActionRoute, PauseSessionAction>();
        services.AddSingleton<ICardActionRoute, ResumeSessionAction>();
        services.AddSingleton<ICardActionRoute, FinishSessionAction>();
        services.AddSingleton<ICardActionRoute, AddContributionAction>();
        services.AddSingleton<ICardActionRoute, ChooseIdeasAction>();
        services.AddSingleton<ICardActionRoute, ConfirmConsentAction>();
        services.AddSingleton<ICardActionRoute, AddAgreementAction>();
        services.AddSingleton<ICardActionRoute, RemoveAgreementAction>();
        services.AddSingleton<ICardActionRoute, MarkAgreementDoneAction>();
        services.AddSingleton<ICardActionRoute, ReopenAgreementAction>();
        services.AddSingleton<ICardActionRoute, ShowAgreementsPageAction>();
        services.AddSingleton<ICardActionRoute, ConfirmProtocolAction>();
        services.AddSingleton<ICardActionRoute, ShowProtocolAction>();
        services.AddSingleton<ICardActionRoute, ShowRecordTextAction>();
        services.AddSingleton<ICardActionRoute, SaveSettingsAction>();
        services.AddSingleton<ICardActionRoute, ReviewEarlierAgreementAction>();
        services.AddSingleton<ICardActionRoute, SaveProtocolTextsAction>();
        services.AddSingleton<ICardActionRoute, CorrectProtocolAction>();
        services.AddSingleton<ICardActionRoute, Reminders.ReminderDoneAction>();
        services.AddSingleton<ICardActionRoute, Reminders.ReminderRescheduleAction>();
        services.AddSingleton<Application.Reminders.IAgreementReminderSender, Reminders.TeamsReminderSender>();
        services.AddSingleton<Settings.GraphSettingsInput>();
        services.AddSingleton<ICardActionRoute, Graph.PlanNextMeetingAction>();
        services.AddSingleton<ICardActionRoute, Graph.ScheduleNextMeetingAction>();

        // Participation: late joiners, hand-over, leaving, withdrawn consent; who is a guest comes from Teams' roster.
        services.AddSingleton<Participation.MemberStandings>();
        services.AddSingleton<ICardActionRoute, Participation.JoinSessionAction>();
        services.AddSingleton<ICardActionRoute, Participation.LeaveSessionAction>();
        services.AddSingleton<ICardActionRoute, Participation.HandOverRoleAction>();
        services.AddSingleton<ICardActionRoute, Participation.WithdrawConsentAction>();

        // The route table of text commands.
        foreach (var (method, words) in StartMethodCommand.Commands)
        {
            services.AddSingleton<IBotCommandRoute>(sp => new StartMethodCommand(method, words, sp.GetRequiredService<SessionSetupFlow>()));
        }

        services.AddSingleton<IBotCommandRoute, AgreementsCommand>();
        services.AddSingleton<IBotCommandRoute, ProtocolsCommand>();
        services.AddSingleton<IBotCommandRoute, AgendaCommand>();
        services.AddSingleton<IBotCommandRoute, DeleteCaseCommand>();
        services.AddSingleton<ICardActionRoute, ConfirmCaseDeletionAction>();
        services.AddSingleton<ICardActionRoute, CancelCaseDeletionAction>();
        services.AddSingleton<IBotCommandRoute, SettingsCommand>();
        services.AddSingleton<IBotCommandRoute, Cases.CaseHistoryCommand>();
        Knowledge.KnowledgeSetup.Register(services);

        services.AddDataProtection();
        services.AddSingleton<MeetingNoticeLink>();
        services.AddPublicPage(MeetingNoticePage.Path, MeetingNoticePage.WriteAsync);

        // Decorates the bot's handler (registered by AddGbbBot) with meeting events and conversation preferences.
        services.AddSingleton<IActivityHandler>(sp => new TeamsActivityHandler(
            new Participation.GuestCommandGuard(
                ActivatorUtilities.CreateInstance<GbbActivityHandler>(sp),
                sp.GetRequiredService<Participation.MemberStandings>(),
                sp.GetRequiredService<ILogger<Participation.GuestCommandGuard>>()),
            sp.GetRequiredService<ConversationPreferences>(),
            sp.GetRequiredService<SessionService>(),
            sp.GetRequiredService<TeamQueries>(),
            sp.GetRequiredService<TeamSettingsService>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TeamsActivityHandler>>()));
        return services;
    }
}
