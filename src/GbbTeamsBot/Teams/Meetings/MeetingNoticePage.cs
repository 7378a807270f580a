using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace GbbTeamsBot.Teams.Meetings;

/// <summary>
/// GET /teams/notice?text=…&amp;lang=de: the small page a targeted in-meeting notification opens on the meeting stage.
/// It shows only the notice text it is given (already free of case content: phase names and times), HTML-encoded.
/// </summary>
public static class MeetingNoticePage
{
    public const string Path = "/teams/notice";
    private const int MaxTextLength = 300;

    /// <summary>Registered through DI (a startup filter), so the composition root needs no extra line.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(Path, branch => branch.Run(WriteAsync));
            next(app);
        };
    }

    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var text = context.Request.Query["text"].ToString();
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var lang = context.Request.Query["lang"].ToString() == "en" ? "en" : "de";
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>GBB</title></head>"
            + "<body style=\"font-family:Segoe UI,sans-serif;font-size:16px;margin:16px\"><p>"
            + WebUtility.HtmlEncode(text)
            + "</p></body></html>");
    }
}
