using GbbTeamsBot.Application.DataProtection;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.DataProtection;

/// <summary>Turns the application's deletion preview into the card.</summary>
internal static class CaseDeletionScreens
{
    public static AdaptiveCard Preview(CaseDataPreview preview, CaseDeletionStage stage, ConversationContext who, CardContext context) =>
        CaseDeletionCard.Build(
            new CaseDeletionView(stage, preview.CaseReference, preview.Sessions, preview.Protocols, preview.Agreements)
            {
                Refusal = preview.Refusal?.Message.In(SessionViewMapper.Lang(who.Language)),
            },
            context);
}
