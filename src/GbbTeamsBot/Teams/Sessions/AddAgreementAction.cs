using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Participation;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using ResponsibleParty = GbbTeamsBot.Cards.ViewModels.ResponsibleParty;

namespace GbbTeamsBot.Teams.Sessions;

/// <summary>"Wer macht was bis wann": records an agreed next step (an addition, so not tied to the card's version).</summary>
public sealed class AddAgreementAction(SessionActionServices services) : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.AgreementAdd;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var data = request.Data;
        var due = data.Date(CardDataKeys.Due, out var invalidDate);
        if (invalidDate)
        {
            return InvalidInput(request);
        }

        var party = data.Enum<ResponsibleParty>(CardDataKeys.Party);
        var goalLevel = data.Enum<GoalLevel>(CardDataKeys.GoalLevel);
        var ownerId = data.String(CardDataKeys.OwnerId) is { Length: > 0 and <= 128 } id ? id : null;
        var ownerObjectId = ownerId is null ? null : await OwnerObjectIdAsync(request.Turn, ownerId, cancellationToken);
        var draft = new AgreementDraft(data.Text(CardDataKeys.What) ?? string.Empty, party is { } p ? CardVocabulary.Owner(p) : null, data.Text(CardDataKeys.Who), due, goalLevel, ownerId, ownerObjectId);
        return await ExecuteAsync(request, new RecordAgreement(request.Actor, draft, data.ConfirmedDespiteWarnings, OwnerCoordinates: data.Bool(CardDataKeys.Coordinator) == true), expectedVersion: null, CardViews.Agreements, cancellationToken);
    }

    /// <summary>
    /// The responsible colleague's Entra object id from the connector's member API (aadObjectId), kept with the agreement
    /// so its Planner task can be assigned. Only for members of the own organisation; null when Teams cannot tell.
    /// </summary>
    private static async Task<string?> OwnerObjectIdAsync(TurnContext turn, string ownerId, CancellationToken cancellationToken)
    {
        try
        {
            var rosterId = turn.Activity.Teams.TeamId ?? turn.Reference.ConversationId;
            var member = await turn.Connector.GetMemberAsync(rosterId, ownerId, cancellationToken);
            var origin = ParticipantRoles.Classify(member?.UserRole, member?.TenantId, ConversationContext.From(turn).TenantId, found: member is not null);
            return origin == MemberOrigin.Staff && Guid.TryParse(member?.AadObjectId, out var objectId) ? objectId.ToString() : null;
        }
        catch (ConnectorException)
        {
            return null;
        }
    }
}
