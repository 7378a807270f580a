using System.Net;
using System.Text.Json;
using GbbTeamsBot.Application.Reminders;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Reminders;

/// <summary>
/// Sends a reminder card to the agreement's owner: in the bot's personal chat with them, created through the
/// connector (POST v3/conversations) where the tenant allows it; otherwise as an @mention in the conversation where the
/// session ran. The card carries the pseudonym and the agreement's text only.
/// </summary>
public sealed partial class TeamsReminderSender(ConnectorClientFactory connectors, TimeProvider time, ILogger<TeamsReminderSender> logger) : IAgreementReminderSender
{
    public async Task<ReminderDelivery> SendAsync(ReminderNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var agreement = notice.Agreement;
        if (notice.SessionConversationId is not { } sessionConversation || agreement.OwnerUserId is not { } ownerId
            || await connectors.ForConversationAsync(sessionConversation, cancellationToken) is not { } connector)
        {
            return ReminderDelivery.NotDelivered;
        }

        var language = notice.Language == Domain.Common.Language.English ? UiLanguage.English : UiLanguage.German;
        var context = new CardContext { Language = language, TimeZoneId = notice.TimeZoneId, Now = time.GetUtcNow() };
        var card = ReminderCard.Build(View(notice.Scope.TeamId, agreement, notice.Kind == ReminderKind.Overdue), context);
        try
        {
            var created = await connector.CreateConversationAsync(ConversationParameters.OneToOne(connector.Reference.BotId, ownerId, notice.Scope.TenantId), cancellationToken);
            if (created?.Id is { Length: > 0 } personal)
            {
                await connector.SendToConversationAsync(personal, Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
                return ReminderDelivery.Personal;
            }
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            // E.g. the app is not installed for the person or the tenant does not allow it: the team's conversation instead.
            LogPersonalFailed(logger, ex);
        }

        try
        {
            var name = notice.OwnerDisplayName ?? TeamsTexts.For(language)["Reminder_Owner"];
            var mention = "<at>" + WebUtility.HtmlEncode(name) + "</at>";
            var message = Activity.CreateCard(card.ToJson(), card.FallbackText) with
            {
                Text = TeamsTexts.For(language).Format("Reminder_Mention", mention),
                TextFormat = "xml",
                Entities = [JsonSerializer.SerializeToElement(new { type = "mention", text = mention, mentioned = new { id = ownerId, name } })],
            };
            await connector.SendToConversationAsync(sessionConversation, message, cancellationToken);
            return ReminderDelivery.Mention;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            LogMentionFailed(logger, ex);
            return ReminderDelivery.NotDelivered;
        }
    }

    public static ReminderView View(string teamKey, Agreement agreement, bool overdue)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new ReminderView(teamKey, agreement.SourceSessionId, agreement.Id, agreement.CaseReference ?? "–", agreement.What, agreement.DueBy ?? DateOnly.MinValue, overdue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder: no personal chat could be created; posting in the team's conversation")]
    private static partial void LogPersonalFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder could not be posted")]
    private static partial void LogMentionFailed(ILogger logger, Exception exception);
}
