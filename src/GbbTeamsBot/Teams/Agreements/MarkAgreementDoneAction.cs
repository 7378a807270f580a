using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>"Erledigt" on the team's list: the agreement is stored as done and the list comes back without it.</summary>
public sealed class MarkAgreementDoneAction(SessionActionServices services, AgreementStatusService agreementStatus, OpenAgreementsList openAgreements)
    : SessionActionRoute(services)
{
    public const int MaxAgreementIdLength = 128;

    public override string Verb => CardVerbs.AgreementDone;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var agreementId = request.Data.String(CardDataKeys.AgreementId);
        var change = agreementId is { Length: > 0 and <= MaxAgreementIdLength }
            ? await agreementStatus.SetStatusAsync(request.Address.TenantId, request.Address.TeamId, request.Address.SessionId, agreementId, AgreementStatus.Done, cancellationToken)
            : AgreementStatusChange.NotFound;
        return change switch
        {
            AgreementStatusChange.NotFound => SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Agreement_NotFound"], isError: true),
            AgreementStatusChange.Conflict => ActionResultCard.Build(new MessageView(MessageCode.TryAgainLater), request.Context),
            _ => await openAgreements.BuildAsync(request.Turn, request.Who, cancellationToken),
        };
    }
}
