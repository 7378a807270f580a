using GbbTeamsBot.Application;
using GbbTeamsBot.Domain.Participation;

namespace GbbTeamsBot.Teams.Participation;

/// <summary>Applies <see cref="RecordAccess"/> to a stored session: who took part (now or earlier) and where it ran.</summary>
public static class RecordVisibility
{
    public static bool MayShow(SessionView session, ConversationContext who)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(who);
        var state = session.State;
        var tookPart = state.CreatedById == who.UserId
            || state.Participants.Any(p => p.Id == who.UserId)
            || state.ParticipationLog.Any(c => c.ParticipantId == who.UserId);
        return RecordAccess.MayShow(tookPart, session.ConversationId, who.ConversationId);
    }
}
