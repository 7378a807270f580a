using GbbTeamsBot.BotFramework.Inbound;

namespace GbbTeamsBot.Bot;

/// <summary>The messaging endpoint registered on the Azure Bot resource. All methods are mapped so others get 405.</summary>
public static class BotEndpoints
{
    public const string MessagesPath = "/api/messages";

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(MessagesPath, context => context.RequestServices.GetRequiredService<BotRequestProcessor>().ProcessAsync(context));
        return endpoints;
    }
}
