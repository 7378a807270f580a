using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>The growth caps are domain rules: the command past a cap is refused with a clear answer and the state stays as it was.</summary>
public sealed class SessionLimitsTests
{
    [Fact]
    public void Joining_past_the_participant_cap_is_refused_and_state_unchanged()
    {
        var session = Running(MethodIds.SozialraumRunde);
        for (var i = session.Snapshot().Participants.Count; i < SessionLimits.MaxParticipants; i++)
        {
            session.Ok(new JoinSession($"guest-{i}", $"Gast {i}"), T0);
        }

        var before = session.Json();
        var refused = session.Execute(new JoinSession("guest-late", "Gast spät"), T0);

        Assert.False(refused.IsAccepted);
        Assert.Equal(RejectionCode.LimitReached, refused.Rejection!.Code);
        Assert.Contains("Höchstzahl von 40 Teilnehmenden", refused.Rejection.Message.De, StringComparison.Ordinal);
        Assert.Contains("maximum of 40 participants", refused.Rejection.Message.En, StringComparison.Ordinal);
        Assert.Equal(before, session.Json());
    }
}
