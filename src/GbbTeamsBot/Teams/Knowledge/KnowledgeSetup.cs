using GbbTeamsBot.Bot;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>The Sozialraumwissen's commands and card actions, registered in one place.</summary>
public static class KnowledgeSetup
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<KnowledgeScreens>();
        services.AddSingleton<KnowledgeExportLink>();
        services.AddPublicPage(KnowledgeExportDownload.Path, KnowledgeExportDownload.WriteAsync);
        services.AddSingleton<IBotCommandRoute, KnowledgeCommand>();
        services.AddSingleton<IBotCommandRoute, NeedsCommand>();
        services.AddSingleton<ICardActionRoute, SearchKnowledgeAction>();
        services.AddSingleton<ICardActionRoute, EditKnowledgeEntryAction>();
        services.AddSingleton<ICardActionRoute, SaveKnowledgeEntryAction>();
        services.AddSingleton<ICardActionRoute, MarkKnowledgeOutdatedAction>();
        services.AddSingleton<ICardActionRoute, MergeKnowledgeEntriesAction>();
        services.AddSingleton<ICardActionRoute, ExportKnowledgeAction>();
        services.AddSingleton<ICardActionRoute, SkipKnowledgeItemAction>();
        services.AddSingleton<ICardActionRoute, OfferToKnowledgeAction>();
    }
}
