using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Application;

/// <summary>
/// What the Teams setup card collected. The moderator (the creator) is the first participant; further people listed
/// in <see cref="Participants"/> join and get their roles before the session is stored, all or nothing.
/// </summary>
public sealed record CreateSessionRequest(
    string TenantId,
    string TeamId,
    string ConversationId,
    string ModeratorId,
    string ModeratorDisplayName,
    string MethodId)
{
    /// <summary>A fixed id (e.g. from the setup card, so a repeated submit finds the same session); null creates a new one.</summary>
    public string? SessionId { get; init; }

    /// <summary>The case pseudonym; earlier open agreements of the same case are loaded for review.</summary>
    public string? CaseReference { get; init; }

    /// <summary>For <see cref="MethodIds.Teamsitzung"/>.</summary>
    public MeetingAgenda? Agenda { get; init; }

    public Domain.Sessions.SessionOptions? Options { get; init; }

    /// <summary>The team's language and time zone (<see cref="Domain.Teams.TeamSettings"/>); the session keeps them.</summary>
    public Domain.Teams.TeamSettings Settings { get; init; } = Domain.Teams.TeamSettings.Default;

    /// <summary>Minutes per phase; null keeps the method's defaults.</summary>
    public IReadOnlyList<TimeSpan>? PhasePlan { get; init; }

    public IReadOnlyList<InitialParticipant> Participants { get; init; } = [];
}

/// <summary>A person picked in the setup card, optionally with a role (else the method's member or external role).</summary>
public sealed record InitialParticipant(string Id, string DisplayName, ParticipantRole? Role = null, bool IsExternal = false, string? Organisation = null);
