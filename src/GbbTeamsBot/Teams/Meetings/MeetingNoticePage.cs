using System.Net;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Meetings;

/// <summary>
/// GET /teams/notice?id=… (a <see cref="PublicPages"/> page): the small page a targeted in-meeting notification opens on the meeting stage. The id is a
/// <see cref="MeetingNoticeLink"/>; the page shows only the notice inside it, HTML-encoded, may be framed by Teams only,
/// and answers 404 with a short explanation for any other id.
/// </summary>
public static class MeetingNoticePage
{
    public const string Path = "/teams/notice";

    /// <summary>Teams web, desktop and mobile hosts (public cloud and government clouds); nobody else may frame the page.</summary>
    public const string FrameAncestors =
        "https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.skype.com";

    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notice = context.RequestServices.GetRequiredService<MeetingNoticeLink>().Read(context.Request.Query["id"].ToString());
        var lang = notice?.Language ?? "de";
        var text = notice?.Text ?? TeamsTexts.For(UiLanguage.German)["Notice_Unavailable"];
        context.Response.StatusCode = notice is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors " + FrameAncestors;
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>GBB</title></head>"
            + "<body style=\"font-family:Segoe UI,sans-serif;font-size:16px;margin:16px\"><p>"
            + WebUtility.HtmlEncode(text)
            + "</p></body></html>");
    }
}
