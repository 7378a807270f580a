using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Domain.Tests;

public sealed class MethodRunTests
{
    public static TheoryData<string> AllMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in MethodCatalog.Default.Methods)
        {
            data.Add(method.Id);
        }

        data.Add(MethodIds.Teamsitzung);
        return data;
    }

    [Fact]
    public void Catalogue_holds_the_methods_of_the_method_guide_and_each_is_consistent()
    {
        Assert.Equal(5, MethodCatalog.Default.Methods.Count);
        foreach (var method in MethodCatalog.Default.Methods.Append(MethodCatalog.Default.ForAgenda(Agenda())))
        {
            Assert.Empty(MethodCatalog.Validate(method));
            Assert.All(method.Phases, p => Assert.False(string.IsNullOrWhiteSpace(p.Guidance.De) || string.IsNullOrWhiteSpace(p.Guidance.En)));
        }

        var kb = MethodCatalog.Default.Methods.Single(m => m.Id == MethodIds.KollegialeBeratung);
        Assert.Equal([10, 5, 10, 10, 5], kb.Phases.Select(p => (int)p.DefaultDuration.TotalMinutes));
        Assert.True(MethodCatalog.Default.Methods.Single(m => m.Id == MethodIds.Helferkonferenz).RequiresConsent);
        Assert.True(MethodCatalog.Default.Methods.Single(m => m.Id == MethodIds.PartizipativeKollegialeBeratung).RequiresConsent);
    }

    [Fact]
    public void Inconsistent_method_data_is_reported()
    {
        var kb = MethodCatalog.Default.Methods.Single(m => m.Id == MethodIds.KollegialeBeratung);
        var broken = kb with { Roles = [.. kb.Roles.Where(r => r.Role != ParticipantRole.CasePresenter)] };
        Assert.NotEmpty(MethodCatalog.Validate(broken));
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Every_method_runs_from_start_to_finish_with_a_confirmed_protocol(string methodId)
    {
        var clock = new FakeTimeProvider(T0);
        var session = Running(methodId);
        if (methodId == MethodIds.Helferkonferenz)
        {
            session.Ok(new DesignateCoordinatingContact(Mod, External), clock.Now);
        }

        for (var index = 0; index < session.Method.Phases.Count; index++)
        {
            var phase = session.Method.Phases[index];
            foreach (var rule in phase.Contributions)
            {
                session.Ok(new AddContribution(ActorFor(session, rule.Roles), SampleDraft(rule.Kind)), clock.Now);
            }

            foreach (var rule in phase.Actions)
            {
                var actor = ActorFor(session, rule.Roles);
                SessionCommand command = rule.Action switch
                {
                    PhaseAction.SetFocusQuestion => new SetFocusQuestion(actor, "Was braucht es, damit die Person ihren nächsten Schritt gehen kann?"),
                    PhaseAction.ChooseIdea => new ChooseIdea(actor, session.Contributions.Last(c => c.Kind == ContributionKind.Idea).Id),
                    _ => new RecordAgreement(actor, new AgreementDraft("Die Person ruft beim Sportverein an.", AgreementOwner.Person, null, new DateOnly(2026, 12, 1), GoalLevel.Handlungsziel)),
                };
                session.Ok(command, clock.Now);
            }

            clock.Advance(phase.DefaultDuration);
            session.Ok(new AdvancePhase(Mod), clock.Now);
        }

        Assert.Equal(SessionStatus.Completed, session.Status);
        var confirmer = session.Method.Confirmer switch
        {
            ProtocolConfirmer.CasePresenter => Presenter,
            ProtocolConfirmer.Moderator => Mod,
            _ => External,
        };
        session.Ok(new ConfirmProtocol(confirmer), clock.Now);
        var protocol = Assert.Single(session.ProtocolVersions);
        Assert.True(protocol.IsConfirmed);
        Assert.Equal(session.Method.Phases.Count, protocol.Timing.Count);
        Assert.All(protocol.Timing, t => Assert.False(t.Skipped));
        Assert.Contains(session.Method.Name.De, MarkdownProtocolRenderer.Render(protocol));
    }

    private static string ActorFor(ConsultationSession session, IReadOnlyList<ParticipantRole> roles) =>
        session.Participants.First(p => roles.Contains(p.Role)).Id;
}
