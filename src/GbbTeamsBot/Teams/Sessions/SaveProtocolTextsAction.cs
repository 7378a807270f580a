using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>
/// "Texte speichern": the Protokoll role's summary and needs/obstacles for the record, before the protocol is
/// confirmed. Both are stored (an empty field clears its text); the first refusal stops and is shown.
/// </summary>
public sealed class SaveProtocolTextsAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ProtocolTexts;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var data = request.Data;
        var summary = await Sessions.ExecuteAsync(
            request.Address, new UpdateProtocolText(request.Actor, ProtocolTextField.Summary, data.Text(CardDataKeys.Summary), data.ConfirmedDespiteWarnings),
            data.ExpectedVersion, request.RequestKey("summary"), cancellationToken);
        if (summary.Status != CommandStatus.Accepted)
        {
            return Answer(request, summary, CardViews.Protocol);
        }

        var needs = await Sessions.ExecuteAsync(
            request.Address, new UpdateProtocolText(request.Actor, ProtocolTextField.NeedsAndObstacles, data.Text(CardDataKeys.Needs), data.ConfirmedDespiteWarnings),
            expectedVersion: null, request.RequestKey("needs"), cancellationToken);
        return Answer(request, needs, CardViews.Protocol);
    }
}

/// <summary>
/// "Korrektur speichern" on a confirmed protocol: the corrected texts with the reason become a pending new version,
/// which the confirming role confirms again; the confirmed versions stay as they were.
/// </summary>
public sealed class CorrectProtocolAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.ProtocolCorrect;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var data = request.Data;
        var reason = data.Text(CardDataKeys.Reason) ?? string.Empty;
        var summary = await Sessions.ExecuteAsync(
            request.Address, new CorrectProtocol(request.Actor, ProtocolTextField.Summary, data.Text(CardDataKeys.Summary), reason, data.ConfirmedDespiteWarnings),
            data.ExpectedVersion, request.RequestKey("summary"), cancellationToken);
        if (summary.Status != CommandStatus.Accepted)
        {
            return Answer(request, summary, CardViews.Protocol);
        }

        var needs = await Sessions.ExecuteAsync(
            request.Address, new CorrectProtocol(request.Actor, ProtocolTextField.NeedsAndObstacles, data.Text(CardDataKeys.Needs), reason, data.ConfirmedDespiteWarnings),
            expectedVersion: null, request.RequestKey("needs"), cancellationToken);
        return Answer(request, needs, CardViews.Protocol);
    }
}
