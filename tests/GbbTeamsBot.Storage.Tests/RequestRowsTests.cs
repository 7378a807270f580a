using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>Command request rows in the idempotency table: one processor per request id, the first outcome replayed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RequestRowsTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_first_caller_processes_a_request_and_a_repeat_gets_its_stored_outcome()
    {
        var idempotency = new IdempotencyRepository(Tables);

        var first = await idempotency.TryBeginRequestAsync(TeamA, "s1", "req-1", Now, Day, AbandonAfter);
        var whilePending = await idempotency.TryBeginRequestAsync(TeamA, "s1", "req-1", Now.AddSeconds(1), Day, AbandonAfter);
        var stored = await idempotency.CompleteRequestAsync(TeamA, "s1", "req-1", first!.Value, "{\"status\":\"Accepted\"}", Now.AddSeconds(2), Day);
        var afterDone = await idempotency.TryBeginRequestAsync(TeamA, "s1", "req-1", Now.AddMinutes(10), Day, AbandonAfter);
        var row = await idempotency.GetRequestAsync(TeamA, "s1", "req-1");

        Assert.Null(whilePending);
        Assert.True(stored);
        Assert.Null(afterDone);
        Assert.False(row!.IsPending);
        Assert.Equal("{\"status\":\"Accepted\"}", row.OutcomeJson);
        Assert.Null(await idempotency.GetRequestAsync(TeamB, "s1", "req-1"));
    }

    [Fact]
    public async Task A_pending_row_whose_processor_died_is_taken_over_and_the_late_outcome_of_the_old_processor_is_not_stored()
    {
        var idempotency = new IdempotencyRepository(Tables);
        var dead = await idempotency.TryBeginRequestAsync(TeamA, "s1", "req-2", Now, Day, AbandonAfter);

        var takeover = await idempotency.TryBeginRequestAsync(TeamA, "s1", "req-2", Now + AbandonAfter + TimeSpan.FromSeconds(1), Day, AbandonAfter);
        var lateOutcome = await idempotency.CompleteRequestAsync(TeamA, "s1", "req-2", dead!.Value, "{\"status\":\"late\"}", Now.AddMinutes(3), Day);
        await idempotency.CompleteRequestAsync(TeamA, "s1", "req-2", takeover!.Value, "{\"status\":\"Accepted\"}", Now.AddMinutes(3), Day);

        Assert.False(lateOutcome);
        Assert.Equal("{\"status\":\"Accepted\"}", (await idempotency.GetRequestAsync(TeamA, "s1", "req-2"))!.OutcomeJson);
    }

    [Fact]
    public async Task An_abandoned_request_can_run_again_and_long_ids_are_keyed_by_their_hash()
    {
        var idempotency = new IdempotencyRepository(Tables);
        var longId = new string('x', 5000);
        var pending = await idempotency.TryBeginRequestAsync(TeamA, "s1", longId, Now, Day, AbandonAfter);

        await idempotency.AbandonRequestAsync(TeamA, "s1", longId, pending!.Value);
        var again = await idempotency.TryBeginRequestAsync(TeamA, "s1", longId, Now.AddSeconds(1), Day, AbandonAfter);

        Assert.NotNull(again);
        Assert.True((await idempotency.GetRequestAsync(TeamA, "s1", longId))!.IsPending);
    }

    [Fact]
    public async Task An_outcome_too_long_for_one_row_is_refused_and_the_row_stays_pending()
    {
        var idempotency = new IdempotencyRepository(Tables);
        var pending = await idempotency.TryBeginRequestAsync(TeamA, "s1", "req-3", Now, Day, AbandonAfter);

        await Assert.ThrowsAsync<TableEntityValidationException>(() =>
            idempotency.CompleteRequestAsync(TeamA, "s1", "req-3", pending!.Value, new string('x', IdempotencyRepository.MaxOutcomeLength + 1), Now, Day));

        Assert.True((await idempotency.GetRequestAsync(TeamA, "s1", "req-3"))!.IsPending);
    }
}
