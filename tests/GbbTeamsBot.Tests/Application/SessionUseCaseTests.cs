using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;
using static GbbTeamsBot.Tests.Application.Scenario;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Tests.Application;

/// <summary>Every method through the application services, start to finish, against a real Azurite.</summary>
[Collection(ApplicationCollection.Name)]
public sealed class SessionUseCaseTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly string _prefix = EngineInstance.NewTablePrefix();
    private EngineInstance _engine = null!;

    public Task InitializeAsync()
    {
        _engine = new EngineInstance(azurite.ConnectionString, _prefix, _clock, "app-1");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

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

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task Every_method_runs_start_to_finish_and_its_session_protocol_agreements_and_consent_are_stored(string methodId)
    {
        var team = NewTeam();
        var created = await _engine.Sessions.CreateAsync(Setup(team, methodId));
        Assert.True(created.IsCreated, created.Rejection?.ToString());
        var address = created.Address();
        var method = created.Session!.Method;
        var sessions = _engine.Sessions;

        if (method.RequiresConsent)
        {
            await sessions.OkAsync(address, new RecordConsent(Mod, ValidConsent(_clock.GetUtcNow())));
        }

        var last = await sessions.OkAsync(address, new StartSession(Mod), expectedVersion: (await sessions.GetAsync(address))!.Version);
        if (methodId == MethodIds.Helferkonferenz)
        {
            last = await sessions.OkAsync(address, new DesignateCoordinatingContact(Mod, External));
        }

        var agreementsRecorded = 0;
        for (var index = 0; index < method.Phases.Count; index++)
        {
            var phase = method.Phases[index];
            foreach (var rule in phase.Contributions)
            {
                last = await sessions.OkAsync(address, new AddContribution(ActorFor(last.Session!, rule.Roles), SampleDraft(rule.Kind)));
            }

            foreach (var rule in phase.Actions)
            {
                var actor = ActorFor(last.Session!, rule.Roles);
                SessionCommand command = rule.Action switch
                {
                    PhaseAction.SetFocusQuestion => new SetFocusQuestion(actor, "Was braucht es, damit die Person ihren nächsten Schritt gehen kann?"),
                    PhaseAction.ChooseIdea => new ChooseIdea(actor, last.Session!.State.Contributions.Last(c => c.Kind == ContributionKind.Idea).Id),
                    _ => new RecordAgreement(actor, SampleAgreement()),
                };
                agreementsRecorded += command is RecordAgreement ? 1 : 0;
                last = await sessions.OkAsync(address, command);
            }

            _clock.Advance(phase.DefaultDuration);
            last = await sessions.OkAsync(address, new AdvancePhase(Mod), expectedVersion: last.Version);
        }

        Assert.Equal(SessionStatus.Completed, last.Session!.Status);
        var confirmed = await sessions.OkAsync(address, new ConfirmProtocol(ConfirmerOf(method)));

        // A second instance (nothing cached) sees exactly what the first one stored.
        await using var other = new EngineInstance(azurite.ConnectionString, _prefix, _clock, "app-2");
        var stored = await other.Sessions.GetAsync(address);
        Assert.NotNull(stored);
        Assert.Equal(confirmed.Version, stored.Version);
        Assert.Equal(SessionStatus.Completed, stored.Status);
        Assert.Equal(confirmed.Session!.State.Contributions, stored.State.Contributions);
        Assert.Equal(
            SessionSnapshotSerializer.Serialize(confirmed.Session.State),
            SessionSnapshotSerializer.Serialize(stored.State));
        Assert.Equal(Conversation, stored.ConversationId);

        var rendered = await other.Queries.GetProtocolAsync(address);
        Assert.NotNull(rendered);
        Assert.True(rendered.Document.IsConfirmed);
        Assert.Equal(1, rendered.Document.Version);
        Assert.Contains(method.Name.De, rendered.Markdown, StringComparison.Ordinal);
        Assert.Contains(method.Name.En, (await other.Queries.GetProtocolAsync(address, 1, Language.English))!.Markdown, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(rendered.CaseFileRecord));
        var listed = Assert.Single(await other.Queries.ListProtocolsAsync(Tenant, team));
        Assert.Equal(address.SessionId, listed.SessionId);

        var open = await other.Queries.ListOpenAgreementsAsync(Tenant, team);
        Assert.Equal(agreementsRecorded, open.Count);
        Assert.All(open, a => Assert.Equal(address.SessionId, a.Agreement.SourceSessionId));

        var consents = await other.Get<ConsentRepository>().ListForSubjectAsync(address.Scope, address.SessionId);
        if (method.RequiresConsent)
        {
            Assert.Contains(consents, c => c.Purpose == OutlivingRecords.ConsultationConsentPurpose && c.Granted && c.UserId == Mod);
            Assert.Contains(consents, c => c.Purpose == OutlivingRecords.ConfidentialityReleasePurpose);
        }
        else
        {
            Assert.Empty(consents);
        }
    }

    [Fact]
    public async Task Helferkonferenz_is_refused_without_consent_and_nothing_changes_then_runs_with_consent()
    {
        var created = await _engine.Sessions.CreateAsync(Setup(NewTeam(), MethodIds.Helferkonferenz));
        var address = created.Address();
        var version = created.Session!.Version;

        var refused = await _engine.Sessions.ExecuteAsync(address, new StartSession(Mod), version);

        Assert.Equal(CommandStatus.Rejected, refused.Status);
        Assert.Equal(RejectionCode.ConsentMissing, refused.Rejection!.Code);
        Assert.False(string.IsNullOrWhiteSpace(refused.Message!.De));
        var unchanged = await _engine.Sessions.GetAsync(address);
        Assert.Equal(version, unchanged!.Version);
        Assert.Equal(SessionStatus.Prepared, unchanged.Status);
        Assert.Empty(_engine.Notifier.Calls);
        Assert.Null(unchanged.NextDeadline);

        var consent = await _engine.Sessions.OkAsync(address, new RecordConsent(Mod, ValidConsent(_clock.GetUtcNow())), version);
        var started = await _engine.Sessions.OkAsync(address, new StartSession(Mod), consent.Version);
        Assert.Equal(SessionStatus.Running, started.Session!.Status);
        Assert.Equal(version + 2, (await _engine.Sessions.GetAsync(address))!.Version);
    }

    [Fact]
    public async Task A_new_session_for_the_same_case_starts_with_the_open_agreements_and_their_review_is_stored()
    {
        var team = NewTeam();
        var first = (await _engine.Sessions.CreateAsync(Setup(team, MethodIds.KollegialeBeratung))).Address();
        await _engine.Sessions.OkAsync(first, new StartSession(Mod));
        var method = Method(MethodIds.KollegialeBeratung);
        var agreementPhase = method.Phases.ToList().FindIndex(p => p.RuleFor(PhaseAction.RecordAgreement) is not null);
        for (var i = 0; i < agreementPhase; i++)
        {
            await _engine.Sessions.OkAsync(first, new AdvancePhase(Mod));
        }

        var recorder = method.Phases[agreementPhase].RuleFor(PhaseAction.RecordAgreement)!.Roles.Contains(ParticipantRole.Moderator) ? Mod : Keeper;
        await _engine.Sessions.OkAsync(first, new RecordAgreement(recorder, SampleAgreement()));
        await _engine.Sessions.OkAsync(first, new RecordAgreement(recorder, new AgreementDraft("Das Jobcenter klärt die Fahrtkosten.", AgreementOwner.JobCentre, null, null)));
        Assert.Equal(2, (await _engine.Queries.ListOpenAgreementsAsync(Tenant, team)).Count);
        Assert.Contains((await _engine.Queries.ListOpenAgreementsAsync(Tenant, team)), a => a.Hints.Contains(AgreementHint.MissingDueDate));

        // While the first runs, a second session for the case is refused and points to it (one running session per case).
        var refused = await _engine.Sessions.CreateAsync(Setup(team, MethodIds.KollegialeBeratung));
        Assert.Equal(RejectionCode.CaseAlreadyRunning, refused.Rejection?.Code);
        Assert.Equal(first.SessionId, refused.RunningSessionId);
        await _engine.Sessions.OkAsync(first, new FinishSession(Mod));

        var second = await _engine.Sessions.CreateAsync(Setup(team, MethodIds.KollegialeBeratung));
        var earlier = second.Session!.State.EarlierAgreements;
        Assert.Equal(2, earlier.Count);
        Assert.All(earlier, a => Assert.Equal(first.SessionId, a.SourceSessionId));

        await _engine.Sessions.OkAsync(second.Address(), new ReviewEarlierAgreement(Mod, earlier[0].Id, AgreementStatus.Done));

        var open = await _engine.Queries.ListOpenAgreementsAsync(Tenant, team);
        Assert.Equal(earlier[1].Id, Assert.Single(open).Agreement.Id);
        var forCase = await _engine.Queries.ListAgreementsForCaseAsync(Tenant, team, Case);
        Assert.Equal(AgreementStatus.Done, forCase.Single(a => a.Id == earlier[0].Id).Status);

        // A third session reviews both again: what became of the done one, and the one still open (done ones no longer vanish).
        var third = await _engine.Sessions.CreateAsync(Setup(team, MethodIds.KollegialeBeratung));
        Assert.Equal([earlier[0].Id, earlier[1].Id], third.Session!.State.EarlierAgreements.Select(a => a.Id));
        Assert.Equal([AgreementStatus.Done, AgreementStatus.Open], third.Session!.State.EarlierAgreements.Select(a => a.Status));
    }

    [Fact]
    public async Task Invalid_setup_is_rejected_and_nothing_is_stored()
    {
        var team = NewTeam();
        var bad = Setup(team, MethodIds.KollegialeBeratung) with { CaseReference = "Max Mustermann 12.03.1980" };
        var rejected = await _engine.Sessions.CreateAsync(bad);
        Assert.False(rejected.IsCreated);
        Assert.Equal(RejectionCode.InvalidCaseReference, rejected.Rejection!.Code);

        var badPlan = Setup(team, MethodIds.KollegialeBeratung) with { PhasePlan = [TimeSpan.FromSeconds(30)] };
        Assert.False((await _engine.Sessions.CreateAsync(badPlan)).IsCreated);
        Assert.Empty(await _engine.Queries.ListSessionsAsync(Tenant, team));
    }

    [Fact]
    public async Task Unknown_session_gets_not_found_and_a_repeated_create_with_the_same_id_returns_the_first_session()
    {
        var team = NewTeam();
        var missing = await _engine.Sessions.ExecuteAsync(new SessionAddress(Tenant, team, "nope"), new StartSession(Mod));
        Assert.Equal(CommandStatus.SessionNotFound, missing.Status);
        Assert.NotNull(missing.Message);

        var request = Setup(team, MethodIds.SozialraumRunde, sessionId: "fixed-1");
        var first = await _engine.Sessions.CreateAsync(request);
        var again = await _engine.Sessions.CreateAsync(request);
        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Session!.Version, again.Session!.Version);
        Assert.Single(await _engine.Queries.ListSessionsAsync(Tenant, team));

        // Another team cannot see it: the team scope is the storage partition.
        Assert.Null(await _engine.Sessions.GetAsync(new SessionAddress(Tenant, NewTeam(), "fixed-1")));
    }

    [Fact]
    public async Task Live_card_location_is_kept_with_the_session_without_changing_its_version_and_reaches_the_notifier()
    {
        var created = await _engine.Sessions.CreateAsync(Setup(NewTeam(), MethodIds.SozialraumRunde));
        var address = created.Address();
        Assert.True(await _engine.Sessions.SetLiveCardAsync(address, new LiveCardLocation(Conversation, "1700000000000") { ReplyToId = "1699999999999" }));
        Assert.False(await _engine.Sessions.SetLiveCardAsync(address with { SessionId = "missing" }, new LiveCardLocation(Conversation, "1")));

        var view = await _engine.Sessions.GetAsync(address);
        Assert.Equal(created.Session!.Version, view!.Version);
        Assert.Equal("1700000000000", view.LiveCard!.ActivityId);
        Assert.Equal("1699999999999", view.LiveCard.ReplyToId);

        var started = await _engine.Sessions.OkAsync(address, new StartSession(Mod));
        Assert.Equal("1700000000000", started.Session!.LiveCard!.ActivityId);
        var call = Assert.Single(await _engine.Notifier.WaitForAsync(1));
        Assert.Equal(nameof(ISessionNotifier.OnStateChangedAsync), call.Method);
        Assert.Equal(ChangeSource.Command, call.Source);
        Assert.Equal(started.Version, call.Version);
    }

    [Fact]
    public async Task A_busy_session_keeps_every_contribution_in_its_own_row_beyond_the_size_of_one_table_row()
    {
        var created = await _engine.Sessions.CreateAsync(Setup(NewTeam(), MethodIds.Sozialraumvorhaben));
        var address = created.Address();
        await _engine.Sessions.OkAsync(address, new StartSession(Mod));
        var method = created.Session!.Method;
        while (method.Phases[(await _engine.Sessions.GetAsync(address))!.State.CurrentPhaseIndex].RuleFor(ContributionKind.ProjectBrief) is null)
        {
            await _engine.Sessions.OkAsync(address, new AdvancePhase(Mod));
        }

        // 110 project briefs of five ~990-character fields: well over the ~480,000 characters one row can hold.
        var text = string.Join(' ', Enumerable.Repeat("Das Stadtteilzentrum bietet dienstags ein offenes Elterncafé an.", 16))[..990];
        var brief = new ProjectBriefDraft(text, text, text, text, text);
        for (var i = 0; i < 110; i++)
        {
            await _engine.Sessions.OkAsync(address, new AddContribution(Presenter, brief, ConfirmedDespiteWarnings: true));
        }

        var stored = await _engine.Sessions.GetAsync(address);
        Assert.Equal(110, stored!.State.Contributions.Count);
        Assert.True(SessionSnapshotSerializer.Serialize(stored.State).Length > 500_000);
        Assert.Equal(Enumerable.Range(1, 110).Select(i => "c" + i), stored.State.Contributions.Select(c => c.Id));

        // Changing one entry rewrites that row only; the order stays.
        var withdrawn = await _engine.Sessions.OkAsync(address, new WithdrawContribution(Presenter, "c2"));
        var reloaded = await _engine.Sessions.GetAsync(address);
        Assert.True(reloaded!.State.Contributions[1].Withdrawn);
        Assert.False(reloaded.State.Contributions[2].Withdrawn);
        Assert.Equal(withdrawn.Version, reloaded.Version);
    }

    private static string ActorFor(SessionView session, IReadOnlyList<ParticipantRole> roles) =>
        session.State.Participants.First(p => roles.Contains(p.Role)).Id;
}
