using GbbTeamsBot.Application.Knowledge;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Knowledge;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Settings;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>Maps the Sozialraumwissen to its cards and answers the knowledge commands and actions alike.</summary>
public sealed class KnowledgeScreens(KnowledgeService knowledge, TimeProvider time)
{
    public KnowledgeService Knowledge => knowledge;

    public TimeProvider Time => time;

    /// <summary>The phases whose live card offers "Aus dem Sozialraumwissen" (collecting resources).</summary>
    public static bool OffersKnowledge(string phaseKey) =>
        phaseKey is PhaseKeys.Ressourcensammlung or PhaseKeys.Ressourcen or PhaseKeys.RessourcenLuecken;

    public static TeamScope Scope(ConversationContext who)
    {
        ArgumentNullException.ThrowIfNull(who);
        return new TeamScope(who.TenantId, who.TeamKey);
    }

    /// <summary>Guests (anonymous meeting participants) do not see the team's catalogue.</summary>
    public static bool MayUse(TurnContext turn) => !TeamSettingsScreen.IsExternal(turn);

    public static AdaptiveCard NotForGuests(ConversationContext who) =>
        SessionScreens.Message(Bilingual(who, new("Das Sozialraumwissen ist nur für Mitglieder des Teams. Es wurde nichts geändert.", "The neighbourhood knowledge is for members of the team only. Nothing was changed.")), isError: true);

    public async Task<AdaptiveCard> ListAsync(ConversationContext who, string query, KnowledgeNotice? notice, CancellationToken cancellationToken)
    {
        var index = await knowledge.IndexAsync(Scope(who), cancellationToken);
        var now = time.GetUtcNow();
        var hits = index.Search(query, limit: 200);
        // Duplicates (for "Zusammenführen") only for the entries the card shows: the comparison is with every entry.
        var view = new KnowledgeListView(query, hits.Select((h, i) => Entry(h.Entry, now, i < KnowledgeCards.MaxEntries ? index : null)).ToList(), index.Entries.Count(e => e.Status != KnowledgeStatus.Merged))
        {
            Notice = notice,
        };
        return KnowledgeCards.List(view, who.Cards(now));
    }

    public async Task<AdaptiveCard> NeedsAsync(ConversationContext who, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ranks = await knowledge.RankNeedsAsync(Scope(who), cancellationToken);
        var view = new NeedsView(ranks.Select(r => new NeedRankView(Entry(r.Entry, now, null), r.Last3Months, r.Last6Months, r.Last12Months, r.Trend switch
        {
            NeedTrend.Rising => NeedTrendKind.Steigend,
            NeedTrend.Falling => NeedTrendKind.Fallend,
            _ => NeedTrendKind.Gleich,
        })).ToList());
        return KnowledgeCards.Needs(view, who.Cards(now));
    }

    public static KnowledgeEntryView Entry(KnowledgeEntry e, DateTimeOffset now, KnowledgeIndex? index) =>
        new(e.Id, e.Revision, Kind(e.Category), e.Title)
        {
            Description = e.Description,
            Area = e.Area,
            Place = e.Place,
            Tags = e.Tags,
            MentionCount = e.MentionCount,
            FirstMentioned = e.FirstMentioned,
            LastMentioned = e.LastMentioned,
            IsOutdated = e.Status == KnowledgeStatus.Outdated,
            IsLongNotMentioned = e.IsLongNotMentioned(now),
            Duplicates = index?.Duplicates(e).Select(d => new KnowledgeRefView(d.Id, d.Title)).ToList() ?? [],
        };

    public static KnowledgeKind Kind(KnowledgeCategory category) => category switch
    {
        KnowledgeCategory.Resource => KnowledgeKind.Ressource,
        KnowledgeCategory.KeyPerson => KnowledgeKind.Schluesselperson,
        KnowledgeCategory.Network => KnowledgeKind.Netzwerk,
        KnowledgeCategory.Need => KnowledgeKind.Bedarfslage,
        KnowledgeCategory.Project => KnowledgeKind.Vorhaben,
        _ => KnowledgeKind.Idee,
    };

    public static KnowledgeCategory Category(KnowledgeKind kind) => kind switch
    {
        KnowledgeKind.Ressource => KnowledgeCategory.Resource,
        KnowledgeKind.Schluesselperson => KnowledgeCategory.KeyPerson,
        KnowledgeKind.Netzwerk => KnowledgeCategory.Network,
        KnowledgeKind.Bedarfslage => KnowledgeCategory.Need,
        KnowledgeKind.Vorhaben => KnowledgeCategory.Project,
        _ => KnowledgeCategory.Idea,
    };

    public static string Bilingual(ConversationContext who, Bilingual text) => text.In(SessionViewMapper.Lang(who.Language));

    public static KnowledgeNotice Refusal(ConversationContext who, Rejection rejection)
    {
        var message = Bilingual(who, rejection.Message);
        if (rejection.Findings.Count > 0)
        {
            message += " " + string.Join(" ", rejection.Findings.Select(f => Bilingual(who, f.Hint)));
        }

        return new KnowledgeNotice(message + (message.Contains("nichts geändert", StringComparison.Ordinal) || message.Contains("Nothing was changed", StringComparison.Ordinal) ? string.Empty : " " + Bilingual(who, new("Es wurde nichts geändert.", "Nothing was changed."))), IsError: true);
    }

    /// <summary>Catalogue entries matching the consultation so far (focus question and contributions); those already added are left out.</summary>
    public async Task<IReadOnlyList<KnowledgeSuggestionView>> SuggestionsAsync(ConversationContext who, Application.SessionView session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var state = session.State;
        var visible = state.Contributions.Where(c => c.IsVisible).ToList();
        var context = string.Join(' ', new[] { state.FocusQuestion }.Concat(visible.Select(c => c.Text)).Where(t => !string.IsNullOrWhiteSpace(t)));
        var added = visible.Select(c => c.KnowledgeEntryId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var hits = await knowledge.SuggestAsync(Scope(who), context, added, MaxSuggestions, cancellationToken);
        return hits.Select(h => new KnowledgeSuggestionView(h.Entry.Id, Kind(h.Entry.Category), h.Entry.Title) { Place = h.Entry.Place, MentionCount = h.Entry.MentionCount }).ToList();
    }

    /// <summary>The round's items for the catalogue as they stand (before confirmation), as the confirmed protocol will list them.</summary>
    public static IReadOnlyList<KnowledgeItem> RoundItems(Application.SessionView session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var state = session.State;
        var draft = new Domain.Protocol.ProtocolDocument
        {
            SessionId = session.Address.SessionId,
            Version = 0,
            IsConfirmed = false,
            MethodId = session.Method.Id,
            MethodName = session.Method.Name,
            Date = state.StartedAt ?? state.CreatedAt,
            CaseReference = state.CaseReference,
            NeighbourhoodEntries = state.Contributions
                .Where(c => c.IsVisible && c.NeighbourhoodCategory is not null)
                .Select(c => new Domain.Protocol.ProtocolNeighbourhoodEntry(c.NeighbourhoodCategory!.Value, c.Text, c.Place))
                .ToList(),
        };
        return KnowledgeService.ItemsOf(draft, state.CreatedAt);
    }

    /// <summary>The confirm card's proposal: for each item, new or the entry it counts for, and whether it is skipped.</summary>
    public async Task<IReadOnlyList<KnowledgeProposalView>> ProposalAsync(ConversationContext who, Application.SessionView session, CancellationToken cancellationToken)
    {
        var items = RoundItems(session);
        var proposals = await knowledge.ProposeAsync(Scope(who), items, cancellationToken);
        var skipped = (await knowledge.SkippedAsync(Scope(who), session.Address.SessionId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return proposals.Select(p =>
        {
            var key = KnowledgeService.ItemKey(p.Item);
            return new KnowledgeProposalView(key, Kind(p.Item.Draft.Category), p.Item.Draft.Title) { MatchesTitle = p.Existing?.Title, IsSkipped = skipped.Contains(key) };
        }).ToList();
    }

    /// <summary>Suggestions shown at once on the live card.</summary>
    public const int MaxSuggestions = 5;

    public static Task ReplyAsync(TurnContext turn, AdaptiveCard card, CancellationToken cancellationToken) =>
        turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
}
