using Microsoft.AspNetCore.Hosting;

namespace GbbTeamsBot.Teams;

/// <summary>
/// The bot's few plain pages outside the Bot Framework endpoint (the meeting notice, the knowledge export): mapped through
/// DI (a startup filter, so the composition root needs no extra line), GET only, never cached, no referrer, no sniffing.
/// </summary>
public static class PublicPages
{
    public static IServiceCollection AddPublicPage(this IServiceCollection services, string path, RequestDelegate write) =>
        services.AddTransient<IStartupFilter>(_ => new Filter(path, write));

    private static Task ServeAsync(HttpContext context, RequestDelegate write)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return write(context);
    }

    private sealed class Filter(string path, RequestDelegate write) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(path, branch => branch.Run(context => ServeAsync(context, write)));
            next(app);
        };
    }
}
