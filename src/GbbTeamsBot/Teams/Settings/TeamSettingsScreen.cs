using GbbTeamsBot.Application;
using GbbTeamsBot.Application.DataProtection;
using Microsoft.Extensions.Options;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Teams;
using GbbTeamsBot.Teams.Agreements;

namespace GbbTeamsBot.Teams.Settings;

/// <summary>Builds the settings card for the person who asked (editable for moderators, read-only otherwise).</summary>
public sealed class TeamSettingsScreen(TeamSettingsService settings, IOptions<RetentionOptions> retention, TimeProvider time, GraphSettingsInput graph)
{
    public TeamSettingsService Settings { get; } = settings;

    public async Task<AdaptiveCard> BuildAsync(TurnContext turn, ConversationContext who, TeamSettings current, MessageView? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(current);
        var actor = await Settings.ActorAsync(who.TenantId, who.TeamKey, who.UserId, IsExternal(turn), cancellationToken);
        var language = current.Language == Language.English ? UiLanguage.English : UiLanguage.German;
        var view = new TeamSettingsView(AgreementsCommand.TeamName(turn, language), language, current.TimeZoneId, TeamSettings.TimeZoneChoices)
        {
            ViewerMayChange = TeamSettingsRules.MayChange(actor),
            Notice = notice,
            RetentionMonths = current.RetentionMonths,
            DefaultRetentionMonths = retention.Value.CompletedSessionMonths,
            RetentionChoices = TeamSettings.RetentionChoices,
            ReminderDaysBefore = current.ReminderWorkingDays,
            ReminderChoices = TeamSettings.ReminderChoices,
            Graph = await graph.ViewAsync(who.TenantId, who.TeamKey, current, language, cancellationToken),
        };
        return SettingsCard.Build(view, new CardContext { Language = language, TimeZoneId = current.TimeZoneId, Now = time.GetUtcNow() });
    }

    /// <summary>
    /// Guests and anonymous meeting participants: Teams marks them with the role "anonymous" or a tenant other than the
    /// conversation's. Team ownership is not in the activity at all (that needs Microsoft Graph).
    /// </summary>
    public static bool IsExternal(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var from = turn.Activity.From;
        return string.Equals(from?.Role, "anonymous", StringComparison.OrdinalIgnoreCase);
    }
}
