using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"+n Min.": extends the total and the current phase (the domain decides how much room is left).</summary>
public sealed class ExtendSessionAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.SessionExtend;

    protected override Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken) =>
        request.Data.Int(CardDataKeys.Minutes) is { } minutes and >= 1 and <= ExtendTotal.MaxStepMinutes
            ? ExecuteAsync(request, new ExtendTotal(request.Actor, TimeSpan.FromMinutes(minutes), AddToCurrentPhase: true), request.Data.ExpectedVersion, null, cancellationToken)
            : Task.FromResult(InvalidInput(request));
}
