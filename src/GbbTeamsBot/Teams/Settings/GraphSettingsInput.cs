using GbbTeamsBot.Application.Graph;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Teams;
using GbbTeamsBot.Graph;
using GbbTeamsBot.Storage.Repositories;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Teams.Settings;

/// <summary>
/// The settings card's Microsoft 365 part: reads the toggles and the plan id, takes the team's group and the channel
/// from Teams (the files go to the channel the settings were saved in), and phrases the last Graph problem for the card.
/// </summary>
public sealed class GraphSettingsInput(IOptions<GraphOptions> options, GraphWorkRepository work)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>The change the card submitted, or null when Graph is off for the deployment or the card had no Graph inputs.</summary>
    public async Task<GraphFeaturesChange?> ReadAsync(TurnContext turn, CardData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(data);
        if (!Enabled)
        {
            return null;
        }

        var calendar = Toggle(data.Text(CardDataKeys.GraphCalendar));
        var planner = Toggle(data.Text(CardDataKeys.GraphPlanner));
        var files = Toggle(data.Text(CardDataKeys.GraphFiles));
        var planId = data.Text(CardDataKeys.PlannerPlanId);
        if (calendar is null && planner is null && files is null && planId is null)
        {
            return null;
        }

        string? groupId = null;
        string? channelId = null;
        if (files == true && turn.Activity.Teams.TeamId is { } teamId)
        {
            channelId = turn.Activity.Teams.ChannelId ?? teamId;
            groupId = turn.Activity.ChannelData is { } channelData ? Json.String(channelData, "team", "aadGroupId") : null;
            if (groupId is null)
            {
                try
                {
                    groupId = (await turn.Connector.GetTeamDetailsAsync(teamId, cancellationToken))?.AadGroupId;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Without the group the domain refuses "files" with a clear answer; nothing else depends on it.
                }
            }
        }

        return new GraphFeaturesChange
        {
            Calendar = calendar,
            Planner = planner,
            Files = files,
            PlanId = planId ?? (planner is not null ? string.Empty : null),
            GroupId = groupId,
            FilesChannelId = channelId,
        };
    }

    /// <summary>The card's view of the features, with the last problem of the team's Planner and file work.</summary>
    public async Task<GraphSettingsView?> ViewAsync(string tenantId, string teamKey, TeamSettings settings, UiLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!Enabled)
        {
            return null;
        }

        var features = settings.Graph ?? GraphFeatures.Off;
        string? problem = null;
        if (features.Planner || features.Files)
        {
            var scope = new TeamScope(tenantId, teamKey);
            var t = CardTexts.For(language);
            foreach (var (kind, enabled, permission, what) in new[]
            {
                (GraphWorkKinds.Task, features.Planner, "Tasks.ReadWrite.All", language == UiLanguage.English ? "The Planner plan" : "Der Planner-Plan"),
                (GraphWorkKinds.File, features.Files, "Files.ReadWrite.All", language == UiLanguage.English ? "The channel's files folder" : "Der Dateiordner des Kanals"),
            })
            {
                if (!enabled || problem is not null)
                {
                    continue;
                }

                var failed = (await work.ListForTeamAsync(scope, kind, cancellationToken))
                    .Where(w => w.Work.State == GraphWorkRepository.Failed && w.Work.LastError is not null && !w.Work.LastError.EndsWith(":taskDeleted", StringComparison.Ordinal))
                    .OrderByDescending(w => w.Work.UpdatedAt)
                    .FirstOrDefault();
                problem = failed?.Work.LastError?.Split(':')[0] switch
                {
                    nameof(GraphFailureKind.PermissionMissing) => t.Format("Graph_PermissionMissing", permission),
                    nameof(GraphFailureKind.NotFound) => t.Format("Graph_NotFound", what),
                    null => null,
                    _ => t["Graph_Rejected"],
                };
            }
        }

        return new GraphSettingsView(features.Calendar, features.Planner, features.Files, features.PlanId) { Problem = problem };
    }

    private static bool? Toggle(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
