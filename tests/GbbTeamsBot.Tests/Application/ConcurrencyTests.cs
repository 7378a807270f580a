using GbbTeamsBot.Application;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;
using static GbbTeamsBot.Tests.Application.Scenario;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Tests.Application;

/// <summary>Concurrent writers and repeated requests against a real Azurite, through separate engine instances.</summary>
[Collection(ApplicationCollection.Name)]
public sealed class ConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly string _prefix = EngineInstance.NewTablePrefix();
    private EngineInstance _a = null!;
    private EngineInstance _b = null!;

    public Task InitializeAsync()
    {
        _a = new EngineInstance(azurite.ConnectionString, _prefix, _clock, "host-a");
        _b = new EngineInstance(azurite.ConnectionString, _prefix, _clock, "host-b");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Two_moderators_advancing_at_once_advance_the_session_once_and_the_loser_gets_a_stale_rejection()
    {
        for (var round = 0; round < 5; round++)
        {
            var address = await RunningSessionAsync(MethodIds.KollegialeBeratung);
            var before = (await _a.Sessions.GetAsync(address))!;

            // Same card version clicked on two hosts at the same moment (a moderator and a co-moderator's device).
            var results = await Task.WhenAll(
                Task.Run(() => _a.Sessions.ExecuteAsync(address, new AdvancePhase(Mod), before.Version, "click-a")),
                Task.Run(() => _b.Sessions.ExecuteAsync(address, new AdvancePhase(Mod), before.Version, "click-b")));

            var winner = Assert.Single(results, r => r.IsAccepted);
            var loser = Assert.Single(results, r => !r.IsAccepted);
            Assert.Equal(CommandStatus.Rejected, loser.Status);
            Assert.Equal(RejectionCode.StaleVersion, loser.Rejection!.Code);
            Assert.Contains("veraltet", loser.Message!.De, StringComparison.Ordinal);
            Assert.Contains("out of date", loser.Message.En, StringComparison.Ordinal);
            Assert.Equal(before.Version + 1, winner.Version);

            var after = (await _a.Sessions.GetAsync(address))!;
            Assert.Equal(before.Version + 1, after.Version);
            Assert.Equal(before.State.CurrentPhaseIndex + 1, after.State.CurrentPhaseIndex);
            await ScannerWait.UntilAsync(() => _a.Notifier.Calls.Concat(_b.Notifier.Calls).Any(c => c.SessionId == address.SessionId && c.Version == after.Version));
            Assert.Single(_a.Notifier.Calls.Concat(_b.Notifier.Calls), c => c.SessionId == address.SessionId && c.Version == after.Version);
            Assert.DoesNotContain(_a.Notifier.Calls.Concat(_b.Notifier.Calls), c => c.SessionId == address.SessionId && c.Version > after.Version);
        }
    }

    [Fact]
    public async Task Concurrent_entries_without_expected_version_are_all_kept_by_reloading_after_a_lost_save()
    {
        var address = await RunningSessionAsync(MethodIds.SozialraumRunde);
        var start = (await _a.Sessions.GetAsync(address))!;
        while (start.Method.Phases[start.State.CurrentPhaseIndex].RuleFor(ContributionKind.NeighbourhoodEntry) is null)
        {
            await _a.Sessions.OkAsync(address, new AdvancePhase(Mod));
            start = (await _a.Sessions.GetAsync(address))!;
        }

        var rule = start.Method.Phases[start.State.CurrentPhaseIndex].RuleFor(ContributionKind.NeighbourhoodEntry)!;
        var authors = start.State.Participants.Where(p => rule.Roles.Contains(p.Role)).Select(p => p.Id).ToList();
        var writes = Enumerable.Range(0, 6).Select(i =>
        {
            var engine = i % 2 == 0 ? _a : _b;
            var draft = new NeighbourhoodDraft(NeighbourhoodCategory.News, $"Neuigkeit Nummer {i} aus dem Quartier.", null);
            return Task.Run(() => engine.Sessions.ExecuteAsync(address, new AddContribution(authors[i % authors.Count], draft)));
        });

        var outcomes = await Task.WhenAll(writes);

        Assert.All(outcomes, o => Assert.Equal(CommandStatus.Accepted, o.Status));
        Assert.Equal(6, outcomes.Select(o => o.Version).Distinct().Count());
        var stored = (await _b.Sessions.GetAsync(address))!;
        Assert.Equal(start.Version + 6, stored.Version);
        Assert.Equal(6, stored.State.Contributions.Count(c => c.Kind == ContributionKind.NeighbourhoodEntry));

        // Host a's copy is now behind host b's last write: a's next entry loses the If-Match save, reloads and is kept.
        await _b.Sessions.OkAsync(address, new AddContribution(authors[0], new NeighbourhoodDraft(NeighbourhoodCategory.News, "Neuigkeit von Host b.", null)));
        var late = await _a.Sessions.ExecuteAsync(address, new AddContribution(authors[1 % authors.Count], new NeighbourhoodDraft(NeighbourhoodCategory.News, "Neuigkeit von Host a.", null)));
        Assert.Equal(CommandStatus.Accepted, late.Status);
        Assert.Contains(_a.Logs, m => m.Contains("lost a concurrent save", StringComparison.Ordinal));
        Assert.Equal(8, (await _b.Sessions.GetAsync(address))!.State.Contributions.Count(c => c.Kind == ContributionKind.NeighbourhoodEntry));
    }

    [Fact]
    public async Task A_double_click_returns_the_first_outcome_and_changes_nothing()
    {
        var address = await RunningSessionAsync(MethodIds.KollegialeBeratung);
        var before = (await _a.Sessions.GetAsync(address))!;

        var first = await _a.Sessions.ExecuteAsync(address, new AdvancePhase(Mod), before.Version, "req-1");
        var second = await _b.Sessions.ExecuteAsync(address, new AdvancePhase(Mod), before.Version, "req-1");

        Assert.True(first.IsAccepted);
        Assert.False(first.IsDuplicate);
        Assert.True(second.IsAccepted);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Events.Select(e => e.Kind), second.Events.Select(e => e.Kind));
        var after = (await _a.Sessions.GetAsync(address))!;
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(after.Version, second.Session!.Version);
        await ScannerWait.UntilAsync(() => _a.Notifier.Calls.Concat(_b.Notifier.Calls).Any(c => c.SessionId == address.SessionId && c.Version == after.Version));
        Assert.Single(_a.Notifier.Calls.Concat(_b.Notifier.Calls), c => c.SessionId == address.SessionId && c.Version == after.Version);

        // A rejected request stores nothing, so its repeat is judged again: the same rejection, and still nothing changed.
        var refused = await _a.Sessions.ExecuteAsync(address, new AdvancePhase(Adviser1), after.Version, "req-2");
        var refusedAgain = await _a.Sessions.ExecuteAsync(address, new AdvancePhase(Adviser1), after.Version, "req-2");
        Assert.Equal(RejectionCode.RoleNotPermitted, refused.Rejection!.Code);
        Assert.Equal(RejectionCode.RoleNotPermitted, refusedAgain.Rejection!.Code);
        Assert.Equal(refused.Rejection.Message, refusedAgain.Rejection.Message);
        Assert.Equal(after.Version, (await _b.Sessions.GetAsync(address))!.Version);
    }

    [Fact]
    public async Task A_contribution_repeated_after_a_crash_between_store_and_answer_is_refused_by_its_request_row_and_adds_nothing()
    {
        var address = await RunningSessionAsync(MethodIds.SozialraumRunde);
        var start = (await _a.Sessions.GetAsync(address))!;
        while (start.Method.Phases[start.State.CurrentPhaseIndex].RuleFor(ContributionKind.NeighbourhoodEntry) is null)
        {
            await _a.Sessions.OkAsync(address, new AdvancePhase(Mod));
            start = (await _a.Sessions.GetAsync(address))!;
        }

        var entry = new AddContribution(Mod, new NeighbourhoodDraft(NeighbourhoodCategory.News, "Das Stadtteilcafé öffnet jetzt auch samstags.", null));

        // Host a stored the entry and its request id in one transaction, then died before answering; Teams sends the
        // invoke again and host b (which never saw the session) takes it. An addition carries no expected version, so
        // only the request's row in the session's partition can tell it is a repeat.
        var first = await _a.Sessions.ExecuteAsync(address, entry, null, "mod|card-req-7");
        var redelivered = await _b.Sessions.ExecuteAsync(address, entry, null, "mod|card-req-7");

        Assert.True(first.IsAccepted);
        Assert.True(redelivered.IsAccepted);
        Assert.True(redelivered.IsDuplicate);
        Assert.Equal(first.Version, redelivered.Version);
        var stored = (await _b.Sessions.GetAsync(address))!;
        Assert.Equal(first.Version, stored.Version);
        Assert.Single(stored.State.Contributions, c => c.Kind == ContributionKind.NeighbourhoodEntry);
        Assert.NotNull(await _a.Get<SessionRepository>().GetRequestAsync(address.Scope, address.SessionId, "mod|card-req-7", _clock.GetUtcNow()));

        // Another click (a new request id) is a new entry.
        var second = await _b.Sessions.ExecuteAsync(address, entry, null, "mod|card-req-8");
        Assert.False(second.IsDuplicate);
        Assert.Equal(2, (await _a.Sessions.GetAsync(address))!.State.Contributions.Count(c => c.Kind == ContributionKind.NeighbourhoodEntry));
    }

    [Fact]
    public async Task A_very_long_request_id_from_card_data_still_protects_against_a_repeat()
    {
        var address = await RunningSessionAsync(MethodIds.KollegialeBeratung);
        var requestId = new string('x', 5000) + "|/#?";

        var first = await _a.Sessions.ExecuteAsync(address, new PauseSession(Mod), null, requestId);
        var second = await _b.Sessions.ExecuteAsync(address, new PauseSession(Mod), null, requestId);
        var other = await _b.Sessions.ExecuteAsync(address, new PauseSession(Mod), null, new string('x', 5000) + "|/#!");

        Assert.True(first.IsAccepted);
        Assert.True(second.IsDuplicate);
        Assert.Equal(first.Version, second.Version);
        Assert.False(other.IsDuplicate);
        Assert.Equal(RejectionCode.InvalidInState, other.Rejection!.Code);
        Assert.Equal(SessionStatus.Paused, (await _a.Sessions.GetAsync(address))!.Status);
    }

    [Fact]
    public async Task Simultaneous_clicks_with_one_request_id_are_processed_once()
    {
        var address = await RunningSessionAsync(MethodIds.SozialraumRunde);
        var before = (await _a.Sessions.GetAsync(address))!;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
        {
            var engine = i % 2 == 0 ? _a : _b;
            return Task.Run(() => engine.Sessions.ExecuteAsync(address, new AdvancePhase(Mod), null, "same-click"));
        }));

        Assert.Single(outcomes, o => !o.IsDuplicate);
        Assert.All(outcomes.Where(o => o.IsDuplicate), o => Assert.Equal(CommandStatus.Accepted, o.Status));
        var after = (await _a.Sessions.GetAsync(address))!;
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.State.CurrentPhaseIndex + 1, after.State.CurrentPhaseIndex);
    }

    [Fact]
    public async Task Saving_against_an_old_etag_fails_and_stores_nothing()
    {
        var address = await RunningSessionAsync(MethodIds.KollegialeBeratung);
        var stale = (await _a.Store.LoadAsync(address, CancellationToken.None))!;
        await _b.Sessions.OkAsync(address, new AdvancePhase(Mod));

        var session = ConsultationSession.Restore(stale.Snapshot);
        session.Execute(new PauseSession(Mod), _clock.GetUtcNow());
        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => _a.Store.SaveAsync(stale, session.Snapshot(), _clock.GetUtcNow(), CancellationToken.None));

        var stored = (await _a.Sessions.GetAsync(address))!;
        Assert.Equal(SessionStatus.Running, stored.Status);
        Assert.Equal(stale.Snapshot.Version + 1, stored.Version);
    }

    private async Task<SessionAddress> RunningSessionAsync(string methodId)
    {
        var created = await _a.Sessions.CreateAsync(Setup(NewTeam(), methodId));
        var address = created.Address();
        if (created.Session!.Method.RequiresConsent)
        {
            await _a.Sessions.OkAsync(address, new RecordConsent(Mod, ValidConsent(_clock.GetUtcNow())));
        }

        await _a.Sessions.OkAsync(address, new StartSession(Mod));
        return address;
    }
}
