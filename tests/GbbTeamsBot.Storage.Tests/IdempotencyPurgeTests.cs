using Azure.Data.Tables;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>The periodic purge of expired idempotency and request rows, on a fake clock against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyPurgeTests(AzuriteFixture azurite) : RepositoryTestBase(azurite)
{
    private readonly FakeTimeProvider _clock = new(Now);

    private IdempotencyPurgeService PurgeService(IdempotencyRepository idempotency, int batchSize = 1000) => new(
        idempotency,
        new SessionRepository(Tables),
        Options.Create(new StorageOptions { PurgeInterval = TimeSpan.FromMinutes(10), PurgeBatchSize = batchSize }),
        _clock,
        NullLogger<IdempotencyPurgeService>.Instance);

    [Fact]
    public async Task Each_interval_the_purge_removes_expired_request_rows_of_every_team_and_keeps_live_ones()
    {
        var idempotency = new IdempotencyRepository(Tables);
        var sessions = new SessionRepository(Tables);
        await SaveWithRequestAsync(sessions, TeamA, "s1", "req-old", TimeSpan.FromHours(1));
        await SaveWithRequestAsync(sessions, TeamB, "s9", "req-old", TimeSpan.FromHours(1));
        Assert.True(await idempotency.TryRegisterAsync(TeamA, "activity", "act-old", _clock.GetUtcNow(), TimeSpan.FromHours(1)));
        _clock.Advance(TimeSpan.FromHours(2));
        await SaveWithRequestAsync(sessions, TeamA, "s2", "req-live", TimeSpan.FromHours(24));
        Assert.True(await idempotency.TryRegisterAsync(TeamA, "activity", "act-live", _clock.GetUtcNow(), TimeSpan.FromHours(24)));
        using var service = PurgeService(idempotency);

        await service.StartAsync(CancellationToken.None);
        var beforeInterval = await CountRowsAsync(Tables.Sessions, "request|");

        // The service arms its timer on a thread of its own (.NET 10 runs all of ExecuteAsync in the background), so the
        // clock moves on an interval at a time until the purge has run, at most two hours (the live rows last 24).
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var intervals = 0; await CountRowsAsync(Tables.Sessions, "request|") > 1 || await CountRowsAsync(Tables.Idempotency, "") > 1;)
        {
            if (intervals++ < 12)
            {
                _clock.Advance(TimeSpan.FromMinutes(10));
            }

            await Task.Delay(100, wait.Token);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(3, beforeInterval);
        Assert.NotNull(await sessions.GetRequestAsync(TeamA, "s2", "req-live", _clock.GetUtcNow()));
        Assert.Null(await sessions.GetRequestAsync(TeamA, "s1", "req-old", DateTimeOffset.MinValue));
        Assert.False(await idempotency.TryRegisterAsync(TeamA, "activity", "act-live", _clock.GetUtcNow(), TimeSpan.FromHours(24)));
        Assert.Equal(0, await idempotency.PurgeExpiredAsync(TeamA, _clock.GetUtcNow()));
    }

    private async Task SaveWithRequestAsync(SessionRepository sessions, TeamScope scope, string sessionId, string requestId, TimeSpan timeToLive)
    {
        var etag = await sessions.CreateAsync(scope, new SessionRecord(sessionId, 1, "running", null, "{}", _clock.GetUtcNow()));
        await sessions.SaveAsync(
            scope, new SessionRecord(sessionId, 2, "running", null, "{}", _clock.GetUtcNow()), etag,
            request: new SessionRequestRecord(requestId, "{\"status\":\"Accepted\"}", _clock.GetUtcNow() + timeToLive));
    }

    [Fact]
    public async Task One_run_deletes_at_most_the_batch_size_and_says_whether_more_are_left()
    {
        var idempotency = new IdempotencyRepository(Tables);
        for (var i = 0; i < 5; i++)
        {
            await idempotency.TryRegisterAsync(i % 2 == 0 ? TeamA : TeamB, "activity", $"act-{i}", _clock.GetUtcNow(), TimeSpan.FromMinutes(5));
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        using var service = PurgeService(idempotency, batchSize: 2);

        var first = await service.RunOnceAsync(CancellationToken.None);
        var second = await service.RunOnceAsync(CancellationToken.None);
        var third = await service.RunOnceAsync(CancellationToken.None);
        var fourth = await service.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new IdempotencyPurgeResult(2, 2, MoreLeft: true), first);
        Assert.Equal(new IdempotencyPurgeResult(2, 2, MoreLeft: true), second);
        Assert.Equal(new IdempotencyPurgeResult(1, 1, MoreLeft: false), third);
        Assert.Equal(new IdempotencyPurgeResult(0, 0, MoreLeft: false), fourth);
        Assert.Equal(0, await CountRowsAsync(Tables.Idempotency, ""));
    }

    [Fact]
    public async Task A_row_that_expires_exactly_now_is_purged_and_one_that_expires_a_tick_later_is_kept()
    {
        var idempotency = new IdempotencyRepository(Tables);
        await idempotency.TryRegisterAsync(TeamA, "activity", "now", _clock.GetUtcNow(), TimeSpan.FromMinutes(1));
        await idempotency.TryRegisterAsync(TeamA, "activity", "later", _clock.GetUtcNow(), TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(1));
        _clock.Advance(TimeSpan.FromMinutes(1));

        var result = await PurgeService(idempotency).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, result.Deleted);
        Assert.True(await idempotency.TryRegisterAsync(TeamA, "activity", "now", _clock.GetUtcNow(), TimeSpan.FromMinutes(1)));
        Assert.False(await idempotency.TryRegisterAsync(TeamA, "activity", "later", _clock.GetUtcNow(), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Purge_options_out_of_range_are_refused_at_start_up()
    {
        var validator = new StorageOptionsValidator();

        var tooOften = validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", PurgeInterval = TimeSpan.FromSeconds(5) });
        var noBatch = validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", PurgeBatchSize = 0 });
        var defaults = validator.Validate(null, new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" });

        Assert.Contains("Storage:PurgeInterval", tooOften.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:PurgeBatchSize", noBatch.FailureMessage, StringComparison.Ordinal);
        Assert.True(defaults.Succeeded);
    }

    private async Task<int> CountRowsAsync(string tableName, string rowKeyPrefix)
    {
        var table = await Tables.GetAsync(tableName, CancellationToken.None);
        return await table.QueryAsync().CountAsync(e => e.RowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal));
    }
}
