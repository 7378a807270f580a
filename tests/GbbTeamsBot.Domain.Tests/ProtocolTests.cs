using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Domain.Tests;

public sealed class ProtocolTests
{
    private static readonly Agreement Earlier = new()
    {
        Id = "s0/a1",
        SourceSessionId = "s0",
        CaseReference = Case,
        What = "Die Person meldet sich beim Sportverein.",
        Owner = AgreementOwner.Person,
        DueBy = new DateOnly(2026, 11, 20),
        CreatedAt = T0.AddDays(-14),
    };

    /// <summary>A participatory consultation with the person present (named "Jürgen Müller" in Teams).</summary>
    private static ConsultationSession CompletedParticipatorySession()
    {
        var clock = new FakeTimeProvider(T0);
        var session = Running(MethodIds.PartizipativeKollegialeBeratung, earlier: [Earlier]);
        session.Ok(new ReviewEarlierAgreement(Presenter, Earlier.Id, AgreementStatus.Done), clock.Now);
        session.Ok(new AdvancePhase(Mod), clock.AdvanceMinutes(5));
        session.Ok(new AddContribution(Person, new AmpelDraft(LifeDomain.Health, TrafficLight.Green, "Fühlt sich fit.")), clock.Now);
        session.Ok(new AddContribution(Presenter, new AmpelDraft(LifeDomain.FinancesAndHousing, TrafficLight.Red, "Mietrückstand zwei Monate.")), clock.Now);
        session.Ok(new AdvancePhase(Mod), clock.AdvanceMinutes(10));
        session.Ok(new SetFocusQuestion(Person, "Wie finde ich eine Ausbildung in der Pflege?"), clock.Now);
        session.Ok(new AdvancePhase(Mod), clock.AdvanceMinutes(10));
        session.Ok(new AddContribution(Adviser1, new ResourceDraft(ResourceArea.Personal, "Pflegt seit Jahren die Großmutter.")), clock.Now);
        session.Ok(new AddContribution(Adviser2, new ResourceDraft(ResourceArea.Neighbourhood, "Pflegedienst im Stadtteil sucht Personal.")), clock.Now);
        session.Ok(new AddContribution(Adviser2, new ResourceDraft(ResourceArea.Material, "Zu löschender Eintrag.")), clock.Now);
        session.Ok(new HideContribution(Mod, "c5"), clock.Now);
        session.Ok(new AdvancePhase(Mod), clock.AdvanceMinutes(12));
        session.Ok(new AddContribution(Adviser1, new IdeaDraft(IdeaLevel.Person, "Hospitation beim Pflegedienst.")), clock.Now);
        session.Ok(new AddContribution(Adviser2, new IdeaDraft(IdeaLevel.SpecialisedHelp, "Beratung zur Umschulung.")), clock.Now);
        session.Ok(new ChooseIdea(Person, "c6"), clock.Now);
        session.Ok(new AdvancePhase(Mod), clock.AdvanceMinutes(15));
        session.Ok(new RecordAgreement(Person, new AgreementDraft("Die Person fragt beim Pflegedienst nach einer Hospitation.", AgreementOwner.Person, null, new DateOnly(2026, 12, 5), GoalLevel.Handlungsziel)), clock.Now);
        session.Ok(new RecordAgreement(Keeper, new AgreementDraft("Termin bei der Schuldnerberatung anbieten.", AgreementOwner.ThirdParty, "Schuldnerberatung Nord", null)), clock.Now);
        session.Ok(new UpdateProtocolText(Keeper, ProtocolTextField.Summary, "Die Person möchte in die Pflege."), clock.Now);
        session.Ok(new UpdateProtocolText(Keeper, ProtocolTextField.NeedsAndObstacles, "Kinderbetreuung am Nachmittag fehlt."), clock.Now);
        session.Ok(new AdvancePhase(Mod), clock.AdvanceMinutes(8));
        return session;
    }

    [Fact]
    public void Protocol_contains_what_was_recorded_and_leaves_out_hidden_entries()
    {
        var protocol = CompletedParticipatorySession().CurrentProtocol();

        Assert.False(protocol.IsConfirmed);
        Assert.Equal(Case, protocol.CaseReference);
        Assert.Equal("Wie finde ich eine Ausbildung in der Pflege?", protocol.FocusQuestion);
        Assert.Equal(2, protocol.Resources.Count);
        Assert.DoesNotContain(protocol.Resources, r => r.Text.Contains("löschender", StringComparison.Ordinal));
        Assert.True(Assert.Single(protocol.Ideas, i => i.Level == IdeaLevel.Person).Chosen);
        Assert.Equal(2, protocol.Agreements.Count);
        Assert.Contains(AgreementHint.MissingDueDate, protocol.Agreements[1].Hints);
        Assert.Equal(AgreementStatus.Done, Assert.Single(protocol.EarlierAgreements).Status);
        Assert.Equal(6, protocol.Timing.Count);
        Assert.Equal(Min(5), protocol.Timing[0].Actual);
    }

    [Fact]
    public void Markdown_rendering_contains_the_sections_and_never_the_persons_name()
    {
        var session = CompletedParticipatorySession();
        var markdown = MarkdownProtocolRenderer.Render(session.CurrentProtocol());
        var english = MarkdownProtocolRenderer.Render(session.CurrentProtocol(), Language.English);

        Assert.Contains("# Protokoll: Partizipative Kollegiale Beratung", markdown, StringComparison.Ordinal);
        Assert.Contains("Fall Ahorn-07", markdown, StringComparison.Ordinal);
        Assert.Contains("23.11.2026", markdown, StringComparison.Ordinal);
        Assert.Contains("> Wie finde ich eine Ausbildung in der Pflege?", markdown, StringComparison.Ordinal);
        Assert.Contains("### Persönlich", markdown, StringComparison.Ordinal);
        Assert.Contains("- [x] Hospitation beim Pflegedienst. **(ausgewählt)**", markdown, StringComparison.Ordinal);
        Assert.Contains("| Finanzen und Wohnen | Rot", markdown, StringComparison.Ordinal);
        Assert.Contains("Die Person fragt beim Pflegedienst nach einer Hospitation.", markdown, StringComparison.Ordinal);
        Assert.Contains("| Ankommen und Einverständnis | 5:00 | 5:00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("Die Person", markdown, StringComparison.Ordinal);
        Assert.Contains("Paula Protokoll", markdown, StringComparison.Ordinal);
        Assert.Contains("Time: planned and actual", english, StringComparison.Ordinal);
        foreach (var text in new[] { markdown, english, CaseFileRecordRenderer.Render(session.CurrentProtocol()) })
        {
            Assert.DoesNotContain(PersonName, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Jürgen", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Case_file_record_follows_the_documentation_standard()
    {
        var record = CaseFileRecordRenderer.Render(CompletedParticipatorySession().CurrentProtocol());

        string[] headings =
        [
            "1. Reflexion vorangegangener Vereinbarungen",
            "2. Zusammenfassung",
            "3. Ergebnisse der Zielarbeit",
            "4. Handlungsbedarfe / Hemmnisse",
            "5. Lösungsansätze und nächste Schritte",
            "6. Verantwortlichkeiten",
            "7. Einbezogene Partnerinnen und Partner",
        ];
        var positions = headings.Select(h => record.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Die Person meldet sich beim Sportverein. (Kundin/Kunde): erledigt", record, StringComparison.Ordinal);
        Assert.Contains("Handlungsziel: Die Person fragt beim Pflegedienst nach einer Hospitation.", record, StringComparison.Ordinal);
        Assert.Contains("Schwierig (Ampeltorte rot) – Finanzen und Wohnen: Mietrückstand zwei Monate.", record, StringComparison.Ordinal);
        Assert.Contains("Kinderbetreuung am Nachmittag fehlt.", record, StringComparison.Ordinal);
        Assert.Contains("Dritte: Termin bei der Schuldnerberatung anbieten. (Schuldnerberatung Nord)", record, StringComparison.Ordinal);
        Assert.Contains("Schuldnerberatung Nord", record[record.IndexOf("7. ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("Paula Protokoll", record, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirmed_protocol_is_immutable_and_a_correction_becomes_a_new_version()
    {
        var clock = new FakeTimeProvider(T0.AddHours(2));
        var session = CompletedParticipatorySession();
        Assert.False(session.Execute(new ConfirmProtocol(Adviser1), clock.Now).IsAccepted);
        session.Ok(new ConfirmProtocol(Presenter), clock.Now);
        var firstVersion = System.Text.Json.JsonSerializer.Serialize(session.ProtocolVersions[0], SessionSnapshotSerializer.Options);

        var edit = session.Execute(new UpdateProtocolText(Keeper, ProtocolTextField.Summary, "Nachträglich geändert."), clock.Now);
        Assert.Equal(RejectionCode.ProtocolAlreadyConfirmed, edit.Rejection!.Code);
        Assert.Equal(RejectionCode.ProtocolAlreadyConfirmed, session.Execute(new ConfirmProtocol(Presenter), clock.Now).Rejection!.Code);
        Assert.Equal(RejectionCode.ProtocolAlreadyConfirmed, session.Execute(new HideContribution(Mod, "c3"), clock.Now).Rejection!.Code);

        session.Ok(new CorrectProtocol(Keeper, ProtocolTextField.Summary, "Die Person möchte in die Altenpflege.", "Präzisierung"), clock.AdvanceMinutes(5));
        Assert.Equal(2, session.CurrentProtocol().Version);
        Assert.False(session.CurrentProtocol().IsConfirmed);
        session.Ok(new ConfirmProtocol(Presenter), clock.Now);

        Assert.Equal(2, session.ProtocolVersions.Count);
        Assert.Equal(firstVersion, System.Text.Json.JsonSerializer.Serialize(session.ProtocolVersions[0], SessionSnapshotSerializer.Options));
        Assert.Equal("Die Person möchte in die Pflege.", session.ProtocolVersions[0].Summary);
        Assert.Equal("Die Person möchte in die Altenpflege.", session.ProtocolVersions[1].Summary);
        Assert.Equal("Präzisierung", session.ProtocolVersions[1].CorrectionReason);
        Assert.Contains("**Korrektur:** Präzisierung", MarkdownProtocolRenderer.Render(session.CurrentProtocol()), StringComparison.Ordinal);
    }

    [Fact]
    public void Correction_before_confirmation_is_rejected()
    {
        var session = CompletedParticipatorySession();
        var result = session.Execute(new CorrectProtocol(Keeper, ProtocolTextField.Notes, "x", "y"), T0.AddHours(2));
        Assert.Equal(RejectionCode.ProtocolNotConfirmed, result.Rejection!.Code);
    }

    [Fact]
    public void In_a_helper_conference_the_coordinating_contact_confirms()
    {
        var session = Running(MethodIds.Helferkonferenz);
        session.Ok(new DesignateCoordinatingContact(Mod, External), T0);
        session.Ok(new FinishEarly(Mod), T0.AddMinutes(30));

        Assert.Equal(RejectionCode.RoleNotPermitted, session.Execute(new ConfirmProtocol(Presenter), T0.AddMinutes(31)).Rejection!.Code);
        session.Ok(new ConfirmProtocol(External), T0.AddMinutes(31));
        var protocol = Assert.Single(session.ProtocolVersions);
        Assert.True(protocol.EndedEarly);
        Assert.Contains(protocol.Timing, t => t.Skipped);
        Assert.Contains(protocol.Participants, p => p.Role == ParticipantRole.ExternalProfessional && p.Label == "Jugendamt Nord");
        Assert.DoesNotContain(protocol.Participants, p => p.Label == PersonName);
    }
}
