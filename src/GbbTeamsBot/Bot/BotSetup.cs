using GbbTeamsBot.BotFramework;
using GbbTeamsBot.Bot.Persistence;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.BotFramework.Inbound;

namespace GbbTeamsBot.Bot;

/// <summary>Registers the channel layer and the bot's handler. Add command and card-action routes with AddSingleton&lt;IBotCommandRoute, …&gt;.</summary>
public static class BotSetup
{
    public static IServiceCollection AddGbbBot(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered before the channel layer so they replace the in-memory stores: references and handled activities
        // survive restarts and are shared by all instances.
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<IActivityDeduplicator, TableActivityDeduplicator>();
        services.AddBotFramework(configuration);
        services.AddSingleton<IBotCommandRoute, HelpCommand>();
        services.AddSingleton<BotRouter>();
        services.AddSingleton<IActivityHandler, GbbActivityHandler>();
        return services;
    }
}
