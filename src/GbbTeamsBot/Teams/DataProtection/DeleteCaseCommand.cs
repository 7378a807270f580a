using GbbTeamsBot.Application.DataProtection;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Privacy;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.DataProtection;

/// <summary>"löschen Ahorn-07" / "delete Ahorn-07": shows what the team holds about the case and asks once before deleting it.</summary>
public sealed class DeleteCaseCommand(CaseDataDeletion deletion, TimeProvider time) : IBotCommandRoute
{
    public IReadOnlyCollection<string> Words { get; } = ["löschen", "loeschen", "fall löschen", "delete", "delete case"];

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var texts = TeamsTexts.For(who.Language);
        var reference = CaseReference.Parse(arguments);
        var card = string.IsNullOrWhiteSpace(arguments)
            ? SessionScreens.Message(texts["CaseDeletion_Usage"], isError: false)
            : reference.Value is not { } caseReference
                ? SessionScreens.Message(reference.Rejection!.Message.In(SessionViewMapper.Lang(who.Language)) + " " + texts["CaseDeletion_Usage"], isError: true)
                : CaseDeletionScreens.Preview(
                    await deletion.PreviewAsync(who.TenantId, who.TeamKey, caseReference.Value, who.UserId, cancellationToken),
                    CaseDeletionStage.Preview,
                    who,
                    who.Cards(time.GetUtcNow()));
        await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
    }
}
