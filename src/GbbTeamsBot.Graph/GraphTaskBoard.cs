using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace GbbTeamsBot.Graph;

/// <summary>Planner tasks: POST /planner/tasks, GET /planner/tasks/{id}, GET /planner/plans/{id}/tasks, PATCH with If-Match.</summary>
public sealed class GraphTaskBoard(GraphServiceClient client) : ITaskBoard
{
    /// <summary>A plan with more tasks than this is not read further (a team's plan holds far fewer).</summary>
    private const int MaxPages = 20;

    public async Task<BoardTask> CreateTaskAsync(NewBoardTask task, CancellationToken cancellationToken)
    {
        var created = await GraphErrors.CallAsync(
            () => client.Planner.Tasks.PostAsync(GraphMapping.ToPlannerTask(task), cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return GraphMapping.ToBoardTask(created ?? throw new GraphCallException(GraphFailureKind.Rejected, null, "emptyResponse", null, null));
    }

    public async Task<BoardTask?> GetTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            var task = await GraphErrors.CallAsync(() => client.Planner.Tasks[taskId].GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            return task is null ? null : GraphMapping.ToBoardTask(task);
        }
        catch (GraphCallException ex) when (ex.Kind == GraphFailureKind.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<BoardTask>> ListTasksAsync(string planId, CancellationToken cancellationToken)
    {
        var result = new List<BoardTask>();
        var page = await GraphErrors.CallAsync(() => client.Planner.Plans[planId].Tasks.GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        for (var n = 0; page is not null && n < MaxPages; n++)
        {
            result.AddRange((page.Value ?? []).Select(GraphMapping.ToBoardTask));
            if (string.IsNullOrEmpty(page.OdataNextLink))
            {
                break;
            }

            var next = page.OdataNextLink;
            page = await GraphErrors.CallAsync(() => client.Planner.Plans[planId].Tasks.WithUrl(next).GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public Task SetCompletedAsync(string taskId, string etag, bool completed, CancellationToken cancellationToken) =>
        GraphErrors.CallAsync(
            () => client.Planner.Tasks[taskId].PatchAsync(
                new PlannerTask { PercentComplete = completed ? 100 : 0 },
                config => config.Headers.Add("If-Match", etag),
                cancellationToken),
            cancellationToken);

    public async Task SetDescriptionAsync(string taskId, string description, CancellationToken cancellationToken)
    {
        var details = await GraphErrors.CallAsync(() => client.Planner.Tasks[taskId].Details.GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        var etag = GraphMapping.ETagOf(details?.AdditionalData) ?? "*";
        await GraphErrors.CallAsync(
            () => client.Planner.Tasks[taskId].Details.PatchAsync(
                new PlannerTaskDetails { Description = description, PreviewType = PlannerPreviewType.Description },
                config => config.Headers.Add("If-Match", etag),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }
}
