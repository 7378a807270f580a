namespace GbbTeamsBot.Cards;

/// <summary>Verbs and data keys of the Sozialraumwissen cards (team actions, not session actions, except where noted).</summary>
public static class KnowledgeVerbs
{
    /// <summary>Shows the search result again (data: <see cref="KnowledgeDataKeys.Query"/>).</summary>
    public const string Search = "gbb.knowledge.search";

    /// <summary>Opens the edit card of one entry.</summary>
    public const string Edit = "gbb.knowledge.edit";

    /// <summary>Saves the edit card.</summary>
    public const string Save = "gbb.knowledge.save";

    /// <summary>Marks an entry veraltet, or current again (data: <see cref="KnowledgeDataKeys.Outdated"/>).</summary>
    public const string Outdated = "gbb.knowledge.outdated";

    /// <summary>Merges the entry into <see cref="KnowledgeDataKeys.TargetId"/>.</summary>
    public const string Merge = "gbb.knowledge.merge";

    /// <summary>Sends the team's catalogue as a CSV file.</summary>
    public const string Export = "gbb.knowledge.export";

    /// <summary>Session verb: on the confirm card, leaves one entry of the round out of the Sozialraumwissen, or takes it in again.</summary>
    public const string Skip = "gbb.knowledge.skip";

    /// <summary>Session verb: offers a Ressourcenkarte entry (area Sozialraum) of a consultation to the catalogue.</summary>
    public const string Offer = "gbb.knowledge.offer";
}

public static class KnowledgeDataKeys
{
    public const string EntryId = "entryId";
    public const string Revision = "revision";
    public const string TargetId = "targetId";
    public const string Query = "query";
    public const string Outdated = "outdated";
    public const string ContributionId = "contributionId";
    public const string ItemKey = "itemKey";
    public const string Skip = "skip";

    /// <summary>gbb.contribution.add: the catalogue entry a resource was taken from.</summary>
    public const string KnowledgeEntryId = "knowledgeEntryId";

    public const string Title = "title";
    public const string Description = "description";
    public const string Area = "area";
    public const string Place = "place";
    public const string Tags = "tags";
    public const string Category = "knowledgeCategory";

    /// <summary>"true": keep the texts despite privacy warnings (the same key as for session entries).</summary>
    public const string ConfirmedDespiteWarnings = "confirmedDespiteWarnings";
}

/// <summary>Views of the live card that are about the Sozialraumwissen.</summary>
public static class KnowledgeViews
{
    /// <summary>The live card with the catalogue entries matching the consultation ("Aus dem Sozialraumwissen").</summary>
    public const string Suggestions = "knowledge";

    /// <summary>The protocol card with what confirming adds to the Sozialraumwissen.</summary>
    public const string Proposal = "knowledgeProposal";
}
