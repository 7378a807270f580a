using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Teams;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Settings;

/// <summary>
/// The settings card's "Speichern": the domain decides who may change what; the settings are stored before the card
/// says "gespeichert". A refusal changes nothing and says why.
/// </summary>
public sealed class SaveSettingsAction(TeamSettingsScreen screen, GraphSettingsInput graph) : ICardActionRoute
{
    public string Verb => CardVerbs.SettingsSave;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Bot.CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var who = ConversationContext.From(turn);
        var data = new CardData(action.Data);
        var change = new TeamSettingsChange
        {
            Language = data.Text(CardDataKeys.Language) switch
            {
                "de" => Language.German,
                "en" => Language.English,
                _ => null,
            },
            TimeZoneId = data.Text(CardDataKeys.TimeZone),
            Retention = data.Text(CardDataKeys.RetentionMonths) switch
            {
                null => null,
                Cards.Screens.SettingsCard.DefaultRetentionValue => new RetentionChoice(null),
                var months => new RetentionChoice(int.TryParse(months, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : -1),
            },
            ReminderDaysBefore = data.Text(CardDataKeys.ReminderDays) is { } days
                ? int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : -1
                : null,
            Graph = await graph.ReadAsync(turn, data, cancellationToken),
        };
        var actor = await screen.Settings.ActorAsync(who.TenantId, who.TeamKey, who.UserId, TeamSettingsScreen.IsExternal(turn), cancellationToken);
        var outcome = await screen.Settings.ChangeAsync(who.TenantId, who.TeamKey, actor, change, cancellationToken);
        var card = outcome.IsAccepted
            ? await screen.BuildAsync(turn, who, outcome.Settings, new MessageView(MessageCode.Saved), cancellationToken)
            : SessionScreens.Message(outcome.Rejection!.Message.In(SessionViewMapper.Lang(who.Language)), isError: true);
        return await CardActionAnswer.SendAsync(turn, card, cancellationToken);
    }
}
