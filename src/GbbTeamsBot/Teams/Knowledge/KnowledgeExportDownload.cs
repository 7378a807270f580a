using GbbTeamsBot.Application.Knowledge;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>
/// GET /teams/knowledge-export?id=… (a <see cref="PublicPages"/> page): the team's Sozialraumwissen as a CSV file
/// (UTF-8 with BOM, ';'), made when the link is opened. The id is a <see cref="KnowledgeExportLink"/>; any other id gets 404 with a short explanation.
/// </summary>
public static class KnowledgeExportDownload
{
    public const string Path = "/teams/knowledge-export";

    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices.GetRequiredService<KnowledgeExportLink>().Read(context.Request.Query["id"].ToString()) is not { } export)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "Dieser Download-Link ist abgelaufen oder ungültig. Bitte im Sozialraumwissen erneut „Als CSV exportieren“ wählen.\n"
                + "This download link has expired or is not valid. Please choose \"Export as CSV\" in the neighbourhood knowledge again.\n");
            return;
        }

        var csv = await context.RequestServices.GetRequiredService<KnowledgeService>().ExportCsvAsync(export.Scope, export.Language, context.RequestAborted);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ExportKnowledgeAction.FileName}\"";
        await context.Response.Body.WriteAsync(csv, context.RequestAborted);
    }
}
