using System.Collections.Concurrent;
using System.Text.Json;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Domain.Teams;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Application;

/// <summary>The outcome of a settings change: the stored settings, or a rejection (nothing changed).</summary>
public sealed record TeamSettingsOutcome(TeamSettings Settings, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;
}

/// <summary>
/// Reads and changes a team's settings (<see cref="TeamSettings"/>). Reads are kept for a short while per instance
/// (every turn needs them); a change on this instance is seen at once, one on another instance within
/// <see cref="CacheDuration"/>. Who may change them is the domain's rule; this service finds out what it needs for it
/// (is the person a moderator of one of the team's sessions, does the team have sessions at all).
/// </summary>
public sealed class TeamSettingsService(TeamSettingsRepository repository, SessionRepository sessions, SessionStore store, TimeProvider time)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>How many of the team's newest sessions are looked at to find whether someone moderates there.</summary>
    private const int SessionsChecked = 50;

    private readonly ConcurrentDictionary<TeamScope, (TeamSettings Settings, DateTimeOffset ReadAt)> _cache = new();

    /// <summary>The team's settings, or the defaults (German, Europe/Berlin) when none were saved.</summary>
    public async Task<TeamSettings> GetAsync(string tenantId, string teamId, CancellationToken cancellationToken = default)
    {
        var scope = new TeamScope(tenantId, teamId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(scope, out var cached) && now - cached.ReadAt < CacheDuration)
        {
            return cached.Settings;
        }

        var stored = await repository.GetAsync(scope, cancellationToken);
        var settings = stored is null ? TeamSettings.Default : Parse(stored.SettingsJson);
        _cache[scope] = (settings, now);
        return settings;
    }

    /// <summary>
    /// Storage could not be read in time: the settings last read here (even if older than the cache time), else the
    /// defaults, which are then kept until the cache time runs out so the next turns do not wait again.
    /// </summary>
    public TeamSettings Fallback(string tenantId, string teamId)
    {
        var scope = new TeamScope(tenantId, teamId);
        return _cache.TryGetValue(scope, out var known)
            ? known.Settings
            : _cache.GetOrAdd(scope, (TeamSettings.Default, time.GetUtcNow())).Settings;
    }

    /// <summary>Who the person is for the settings rule, as far as stored sessions tell.</summary>
    public async Task<TeamSettingsActor> ActorAsync(string tenantId, string teamId, string userId, bool isExternal, CancellationToken cancellationToken = default)
    {
        var scope = new TeamScope(tenantId, teamId);
        var list = (await sessions.ListAsync(scope, cancellationToken: cancellationToken)).OrderByDescending(s => s.UpdatedAt).Take(SessionsChecked).ToList();
        var moderates = false;
        foreach (var summary in list)
        {
            var loaded = await store.LoadAsync(new SessionAddress(tenantId, teamId, summary.SessionId), cancellationToken);
            if (loaded?.Snapshot.Participants.Any(p => p.Id == userId && p.Role == ParticipantRole.Moderator) == true
                || loaded?.Snapshot.CreatedById == userId)
            {
                moderates = true;
                break;
            }
        }

        return new TeamSettingsActor(userId) { IsExternal = isExternal, IsModerator = moderates, TeamHasNoSessions = list.Count == 0 };
    }

    /// <summary>Changes the settings (the domain decides) and stores them with an ETag check before answering.</summary>
    public async Task<TeamSettingsOutcome> ChangeAsync(string tenantId, string teamId, TeamSettingsActor actor, TeamSettingsChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var scope = new TeamScope(tenantId, teamId);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await repository.GetAsync(scope, cancellationToken);
            var current = stored is null ? TeamSettings.Default : Parse(stored.SettingsJson);
            var now = time.GetUtcNow();
            var changed = current.Change(change, actor, now);
            if (!changed.IsSuccess)
            {
                return new TeamSettingsOutcome(current, changed.Rejection);
            }

            try
            {
                await repository.SaveAsync(scope, JsonSerializer.Serialize(changed.Value!, SessionSnapshotSerializer.Options), now, stored?.ETag, cancellationToken);
                _cache[scope] = (changed.Value!, now);
                return new TeamSettingsOutcome(changed.Value!, null);
            }
            catch (Exception ex) when (ex is TablePreconditionFailedException or TableConflictException && attempt < 3)
            {
                // Someone saved in between: apply the change to what they stored.
            }
        }
    }

    private static TeamSettings Parse(string json) =>
        JsonSerializer.Deserialize<TeamSettings>(json, SessionSnapshotSerializer.Options) ?? TeamSettings.Default;
}
