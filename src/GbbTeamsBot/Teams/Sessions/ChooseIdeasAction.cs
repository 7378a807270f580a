using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>The case presenter's choice of ideas: every listed idea chosen, every other chosen idea un-chosen.</summary>
public sealed class ChooseIdeasAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.IdeaChoose;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var session = await Sessions.GetAsync(request.Address, cancellationToken);
        if (session is null)
        {
            return NotFound(request);
        }

        var chosen = request.Data.List(CardDataKeys.ChosenIdeaIds).ToHashSet(StringComparer.Ordinal);
        var changes = session.State.Contributions
            .Where(c => c.IsVisible && c.Kind == ContributionKind.Idea && c.Chosen != chosen.Contains(c.Id))
            .Select(c => new ChooseIdea(request.Actor, c.Id, chosen.Contains(c.Id)))
            .ToList();
        if (changes.Count == 0)
        {
            // Nothing to change is still checked, so a wrong role or a stale card gets its clear answer.
            var probe = await Sessions.ExecuteAsync(request.Address, new ChooseIdea(request.Actor, "-", true), request.Data.ExpectedVersion, null, cancellationToken);
            return probe.Rejection?.Code is RejectionCode.ContributionNotFound
                ? SessionScreens.Render(probe.Session ?? session, CardViews.Ideas, request.Actor, request.Context)
                : Answer(request, probe, CardViews.Ideas);
        }

        CommandOutcome outcome = null!;
        var expected = request.Data.ExpectedVersion;
        foreach (var change in changes)
        {
            outcome = await Sessions.ExecuteAsync(request.Address, change, expected, request.RequestKey(change.ContributionId), cancellationToken);
            if (!outcome.IsAccepted)
            {
                break;
            }

            expected = outcome.Version;
        }

        return Answer(request, outcome, CardViews.Ideas);
    }
}
