using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Graph;
using GbbTeamsBot.Bot;
using GbbTeamsBot.Health;
using GbbTeamsBot.Storage;
using GbbTeamsBot.Teams;

namespace GbbTeamsBot.Hosting;

/// <summary>Composition root: every layer registers itself here, in dependency order.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddGbbTeamsBot(this WebApplicationBuilder builder)
    {
        UnauthenticatedModeGuard.Enforce(builder.Configuration, builder.Environment);
        DevelopmentListenAddress.Apply(builder);
        builder.AddGbbTelemetry();
        builder.Services.AddGbbHealthChecks();

        builder.Services.AddGbbStorage(builder.Configuration);
        builder.Services.AddGbbApplication(builder.Configuration);
        builder.Services.AddGbbBot(builder.Configuration);
        builder.Services.AddGbbTeams(builder.Configuration);
        builder.Services.AddGbbGraphFeatures(builder.Configuration, builder.Environment.EnvironmentName);
        return builder;
    }

    public static WebApplication MapGbbTeamsBot(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapBotMessages();
        return app;
    }
}
