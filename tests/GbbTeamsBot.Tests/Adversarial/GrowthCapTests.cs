using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Application;
using Microsoft.Extensions.Time.Testing;
using static GbbTeamsBot.Tests.Application.Scenario;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>A session pushed to its caps against real Azurite: refused commands change nothing, and what was accepted can always be stored and read.</summary>
[Collection(ApplicationCollection.Name)]
public sealed class GrowthCapTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Five_hundred_contributions_of_a_thousand_characters_then_ten_protocol_corrections_stay_storable()
    {
        var clock = new FakeTimeProvider(T0);
        var prefix = EngineInstance.NewTablePrefix();
        await using var engine = new EngineInstance(azurite.ConnectionString, prefix, clock, "app-1");
        var sessions = engine.Sessions;
        var created = await sessions.CreateAsync(Setup(NewTeam(), MethodIds.KollegialeBeratung));
        var address = created.Address();
        var method = created.Session!.Method;
        await sessions.OkAsync(address, new StartSession(Mod), expectedVersion: created.Session.Version);

        var text = string.Concat(Enumerable.Repeat("Welche Angebote im Stadtteil wurden schon genutzt, und was hat dabei geholfen? ", 13))[..999] + "?";
        var accepted = 0;
        Rejection? refusal = null;
        int? versionAtCap = null;
        for (var i = 0; i < 500; i++)
        {
            var outcome = await sessions.ExecuteAsync(address, new AddContribution(Adviser1, new ClarifyingQuestionDraft(text), ConfirmedDespiteWarnings: true));
            if (outcome.IsAccepted)
            {
                accepted++;
                versionAtCap = outcome.Version;
                continue;
            }

            refusal ??= outcome.Rejection;
            Assert.Equal(versionAtCap, outcome.Session!.Version);
        }

        Assert.Equal(SessionLimits.MaxContributions, accepted);
        Assert.Equal(RejectionCode.LimitReached, refusal!.Code);
        Assert.Contains("Höchstzahl von 300 Beiträgen", refusal.Message.De, StringComparison.Ordinal);
        Assert.Contains("Es wurde nichts geändert", refusal.Message.De, StringComparison.Ordinal);

        // Run to the end and confirm the protocol, then correct it ten times: every version is stored.
        var last = await sessions.GetAsync(address);
        while (last!.Status != SessionStatus.Completed)
        {
            last = (await sessions.OkAsync(address, new AdvancePhase(Mod), expectedVersion: last.Version)).Session;
        }

        var confirmer = ConfirmerOf(method);
        await sessions.OkAsync(address, new ConfirmProtocol(confirmer));
        for (var correction = 1; correction <= 10; correction++)
        {
            await sessions.OkAsync(address, new CorrectProtocol(Keeper, ProtocolTextField.Notes, $"Ergänzung Nummer {correction}: Termin im Familienzentrum verschoben.", "Nachtrag aus der Teamsitzung"));
            last = (await sessions.OkAsync(address, new ConfirmProtocol(confirmer))).Session;
        }

        // Another instance (nothing cached) reads exactly that: 300 contributions and eleven protocol versions.
        await using var other = new EngineInstance(azurite.ConnectionString, prefix, clock, "app-2");
        var stored = await other.Sessions.GetAsync(address);
        Assert.Equal(last!.Version, stored!.Version);
        Assert.Equal(SessionLimits.MaxContributions, stored.State.Contributions.Count);
        Assert.Equal(Enumerable.Range(1, 11), stored.State.ProtocolVersions.Select(v => v.Version));
        Assert.Equal(SessionSnapshotSerializer.Serialize(last.State), SessionSnapshotSerializer.Serialize(stored.State));
        Assert.Equal(11, (await other.Queries.ListProtocolVersionsAsync(address)).Count);
        Assert.DoesNotContain(engine.Logs, l => l.Contains("Welche Angebote", StringComparison.Ordinal));
    }
}
