using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>Helferkonferenz: the one coordinating contact, chosen with an agreement, named in the record, confirms the protocol.</summary>
public sealed class CoordinatingContactTests
{
    private static RecordAgreement Coordinating(string actor, string? ownerId, string what = "Hilfeplan abstimmen") =>
        new(actor, new AgreementDraft(what, AgreementOwner.ThirdParty, "Jugendamt Nord", null, OwnerUserId: ownerId), OwnerCoordinates: true);

    private static ConsultationSession AtAgreements(string methodId)
    {
        var session = Running(methodId);
        while (session.Method.Phases[session.Snapshot().CurrentPhaseIndex].Actions.All(a => a.Action != PhaseAction.RecordAgreement))
        {
            session.Ok(new AdvancePhase(Mod), T0);
        }

        return session;
    }

    [Fact]
    public void Bad_input_is_refused_and_changes_nothing()
    {
        var session = AtAgreements(MethodIds.Helferkonferenz);
        var before = session.Snapshot();

        Assert.False(session.Execute(Coordinating(Presenter, External), T0).IsAccepted);
        Assert.False(session.Execute(Coordinating(Mod, null), T0).IsAccepted);
        var stranger = session.Execute(Coordinating(Mod, "nobody"), T0);
        Assert.False(stranger.IsAccepted);
        Assert.Equal(RejectionCode.ParticipantNotFound, stranger.Rejection!.Code);

        var after = session.Snapshot();
        Assert.Null(after.CoordinatingContactId);
        Assert.Empty(after.Agreements);
        Assert.Equal(before.Version, after.Version);

        // Only a Helferkonferenz has a coordinating contact.
        var kb = AtAgreements(MethodIds.KollegialeBeratung);
        Assert.False(kb.Execute(Coordinating(Mod, Presenter), T0).IsAccepted);
        Assert.Empty(kb.Snapshot().Agreements);
    }

    [Fact]
    public void The_later_choice_replaces_the_earlier_and_the_coordinating_contact_is_named_and_confirms()
    {
        var session = AtAgreements(MethodIds.Helferkonferenz);
        session.Ok(Coordinating(Mod, Presenter), T0);
        Assert.Equal(Presenter, session.Snapshot().CoordinatingContactId);
        session.Ok(Coordinating(Mod, External, "Termine der Stellen bündeln"), T0);
        Assert.Equal(External, session.Snapshot().CoordinatingContactId);
        Assert.Equal(2, session.Snapshot().Agreements.Count);

        session.Ok(new FinishSession(Mod), T0.AddMinutes(60));
        var name = session.Participants.Single(p => p.Id == External).DisplayName;
        Assert.Equal(name, session.CurrentProtocol().CoordinatingContact);
        Assert.Contains("Koordinierende Ansprechperson: " + name, CaseFileRecordRenderer.Render(session.CurrentProtocol()), StringComparison.Ordinal);

        Assert.False(session.Execute(new ConfirmProtocol(Presenter), T0.AddMinutes(61)).IsAccepted);
        session.Ok(new ConfirmProtocol(External), T0.AddMinutes(61));
        Assert.True(Assert.Single(session.ProtocolVersions).IsConfirmed);
    }
}
