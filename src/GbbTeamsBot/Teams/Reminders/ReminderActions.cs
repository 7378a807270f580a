using GbbTeamsBot.Application;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Reminders;

/// <summary>
/// "Erledigt" and "Neues Datum" on a reminder card. The card may sit in the owner's personal chat, so it names the
/// agreement's team; the tenant is the caller's own, and the domain's rule (the owner, or someone with a role in the
/// case's sessions) decides, so a forged team gets "not found" or "not permitted" and changes nothing.
/// </summary>
public abstract class ReminderActionRoute(AgreementStatusService agreements, TeamSettingsService settings, TimeProvider time) : ICardActionRoute
{
    public abstract string Verb { get; }

    protected AgreementStatusService Agreements => agreements;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var who = ConversationContext.From(turn);
        var data = new CardData(action.Data);
        var texts = TeamsTexts.For(who.Language);
        AdaptiveCard card;
        if (data.String(CardDataKeys.Team) is not { Length: > 5 and <= 300 } team || !(team.StartsWith("team:", StringComparison.Ordinal) || team.StartsWith("chat:", StringComparison.Ordinal))
            || data.SessionId is not { } sessionId
            || data.String(CardDataKeys.AgreementId) is not { Length: > 0 and <= 128 } agreementId || !agreementId.StartsWith(sessionId + "/", StringComparison.Ordinal))
        {
            card = SessionScreens.Message(texts["Reminder_InvalidCard"], isError: true);
        }
        else
        {
            var teamSettings = await settings.GetAsync(who.TenantId, team, cancellationToken);
            var now = time.GetUtcNow();
            var context = who.Cards(now) with { TimeZoneId = teamSettings.TimeZoneId };
            var today = DateOnly.FromDateTime(TimeZoneInfo.TryFindSystemTimeZoneById(teamSettings.TimeZoneId, out var zone) ? TimeZoneInfo.ConvertTime(now, zone).DateTime : now.UtcDateTime);
            var result = await ChangeAsync(who, team, sessionId, agreementId, data, today, cancellationToken);
            card = result.Change switch
            {
                AgreementStatusChange.NotFound => SessionScreens.Message(texts["Agreement_NotFound"], isError: true),
                AgreementStatusChange.NotPermitted => SessionScreens.Message(texts["Agreement_StatusNotPermitted"], isError: true),
                AgreementStatusChange.Invalid => SessionScreens.Message(result.Rejection!.Message.In(SessionViewMapper.Lang(who.Language)), isError: true),
                AgreementStatusChange.Conflict => SessionScreens.Message(texts["Outcome_TryAgain"], isError: true),
                _ => ReminderCard.Build(Answer(TeamsReminderSender.View(team, result.Agreement!, IsOverdue(result.Agreement!, today)), result.Agreement!, context), context),
            };
        }

        return await CardActionAnswer.SendAsync(turn, card, cancellationToken);
    }

    protected abstract Task<AgreementStatusResult> ChangeAsync(ConversationContext who, string team, string sessionId, string agreementId, CardData data, DateOnly today, CancellationToken cancellationToken);

    protected abstract Cards.ViewModels.ReminderView Answer(Cards.ViewModels.ReminderView view, Agreement agreement, CardContext context);

    private static bool IsOverdue(Agreement agreement, DateOnly today) => agreement.DueBy is { } due && due < today;
}

/// <summary>"Erledigt" on a reminder: stored as done (who and when kept), no more reminders.</summary>
public sealed class ReminderDoneAction(AgreementStatusService agreements, TeamSettingsService settings, TimeProvider time) : ReminderActionRoute(agreements, settings, time)
{
    public override string Verb => CardVerbs.ReminderDone;

    protected override async Task<AgreementStatusResult> ChangeAsync(ConversationContext who, string team, string sessionId, string agreementId, CardData data, DateOnly today, CancellationToken cancellationToken)
    {
        var change = await Agreements.SetStatusAsync(who.TenantId, team, sessionId, agreementId, AgreementStatus.Done, who.UserId, cancellationToken);
        var stored = change is AgreementStatusChange.Changed or AgreementStatusChange.Unchanged
            ? await Agreements.FindAsync(new Storage.Repositories.TeamScope(who.TenantId, team), sessionId, agreementId, cancellationToken)
            : null;
        return new AgreementStatusResult(change, stored is null ? null : Application.Persistence.OutlivingRecords.ParseAgreement(stored.Agreement));
    }

    protected override Cards.ViewModels.ReminderView Answer(Cards.ViewModels.ReminderView view, Agreement agreement, CardContext context) =>
        view with { Notice = CardTexts.For(context.Language)["Reminder_SavedDone"], IsClosed = agreement.Status == AgreementStatus.Done };
}

/// <summary>"Neues Datum" on a reminder: the due date moves (not into the past); the reminders follow the new date.</summary>
public sealed class ReminderRescheduleAction(AgreementStatusService agreements, TeamSettingsService settings, TimeProvider time) : ReminderActionRoute(agreements, settings, time)
{
    public override string Verb => CardVerbs.ReminderReschedule;

    protected override Task<AgreementStatusResult> ChangeAsync(ConversationContext who, string team, string sessionId, string agreementId, CardData data, DateOnly today, CancellationToken cancellationToken)
    {
        var due = data.Date(CardDataKeys.Due, out var invalid);
        return invalid || due is not { } date
            ? Task.FromResult(new AgreementStatusResult(AgreementStatusChange.Invalid, Rejection: new Domain.Common.Rejection(Domain.Common.RejectionCode.InvalidDuration, new Domain.Common.Bilingual(
                "Bitte ein gültiges Datum wählen; es wurde nichts geändert.", "Please choose a valid date; nothing was changed."))))
            : Agreements.SetDueDateAsync(who.TenantId, team, sessionId, agreementId, date, today, who.UserId, cancellationToken);
    }

    protected override Cards.ViewModels.ReminderView Answer(Cards.ViewModels.ReminderView view, Agreement agreement, CardContext context) =>
        view with { Notice = CardTexts.For(context.Language).Format("Reminder_SavedDate", view.Due.ToString(context.Language == UiLanguage.English ? "yyyy-MM-dd" : "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)) };
}
