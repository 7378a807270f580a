using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;
using GbbTeamsBot.Teams.Sessions;

namespace GbbTeamsBot.Teams.Agreements;

/// <summary>
/// "Erledigt" on the team's list: the agreement is stored as done and the list comes back without it, with the
/// ticked-off one on top and "Rückgängig" (see <see cref="ReopenAgreementAction"/>) while the list is open.
/// </summary>
public sealed class MarkAgreementDoneAction(SessionActionServices services, AgreementStatusService agreementStatus, TeamQueries queries, OpenAgreementsList openAgreements)
    : SessionActionRoute(services)
{
    public const int MaxAgreementIdLength = 128;

    public override string Verb => CardVerbs.AgreementDone;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var agreementId = request.Data.String(CardDataKeys.AgreementId);
        if (agreementId is not { Length: > 0 and <= MaxAgreementIdLength })
        {
            return SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Agreement_NotFound"], isError: true);
        }

        var before = (await queries.ListOpenAgreementsAsync(request.Address.TenantId, request.Address.TeamId, cancellationToken))
            .FirstOrDefault(a => a.Agreement.Id == agreementId && a.Agreement.SourceSessionId == request.Address.SessionId);
        var change = await agreementStatus.SetStatusAsync(request.Address.TenantId, request.Address.TeamId, request.Address.SessionId, agreementId, AgreementStatus.Done, request.Actor, cancellationToken);
        var done = before is null
            ? null
            : new Cards.ViewModels.OpenAgreementView(new SessionRef(request.Address.SessionId, 0), MethodKind.KollegialeBeratung, before.Agreement.CaseReference ?? string.Empty, SessionViewMapper.Agreement(before.Agreement));
        return change switch
        {
            AgreementStatusChange.NotFound => SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Agreement_NotFound"], isError: true),
            AgreementStatusChange.NotPermitted => SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Agreement_StatusNotPermitted"], isError: true),
            AgreementStatusChange.Conflict => ActionResultCard.Build(new MessageView(MessageCode.TryAgainLater), request.Context),
            _ => await openAgreements.BuildAsync(request.Turn, request.Who, cancellationToken, done),
        };
    }
}

/// <summary>"Rückgängig" after "Erledigt": the agreement is stored as open again and is back in the list.</summary>
public sealed class ReopenAgreementAction(SessionActionServices services, AgreementStatusService agreementStatus, OpenAgreementsList openAgreements)
    : SessionActionRoute(services)
{
    public override string Verb => CardVerbs.AgreementReopen;

    protected override async Task<AdaptiveCard> HandleAsync(SessionActionRequest request, CancellationToken cancellationToken)
    {
        var agreementId = request.Data.String(CardDataKeys.AgreementId);
        var change = agreementId is { Length: > 0 and <= MarkAgreementDoneAction.MaxAgreementIdLength }
            ? await agreementStatus.SetStatusAsync(request.Address.TenantId, request.Address.TeamId, request.Address.SessionId, agreementId, AgreementStatus.Open, request.Actor, cancellationToken)
            : AgreementStatusChange.NotFound;
        return change switch
        {
            AgreementStatusChange.NotFound => SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Agreement_NotFound"], isError: true),
            AgreementStatusChange.NotPermitted => SessionScreens.Message(TeamsTexts.For(request.Who.Language)["Agreement_StatusNotPermitted"], isError: true),
            AgreementStatusChange.Conflict => ActionResultCard.Build(new MessageView(MessageCode.TryAgainLater), request.Context),
            _ => await openAgreements.BuildAsync(request.Turn, request.Who, cancellationToken),
        };
    }
}
