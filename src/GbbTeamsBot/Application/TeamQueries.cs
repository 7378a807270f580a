using System.Text.Json;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Application;

/// <summary>An open agreement of the team with the hints the card shows (missing owner, date, agency).</summary>
public sealed record OpenAgreementView(Agreement Agreement, IReadOnlyList<AgreementHint> Hints, bool IsOverdue);

/// <summary>A confirmed protocol of the team (latest version), for lists.</summary>
public sealed record ProtocolListItem(string SessionId, string MethodId, Bilingual MethodName, string? CaseReference, int Version, DateTimeOffset? Date, DateTimeOffset? ConfirmedAt);

/// <summary>A confirmed protocol version, ready to show or copy.</summary>
public sealed record RenderedProtocol(ProtocolDocument Document, string Markdown, string CaseFileRecord);

/// <summary>Read-only team views: sessions, open agreements, protocols. Every call stays inside one team's partition.</summary>
public sealed class TeamQueries(SessionRepository sessions, AgreementRepository agreements, ProtocolRepository protocols, TimeProvider time)
{
    /// <summary>The team's sessions (optionally with one status), newest first, without their content.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListSessionsAsync(string tenantId, string teamId, SessionStatus? status = null, CancellationToken cancellationToken = default)
    {
        var list = await sessions.ListAsync(new TeamScope(tenantId, teamId), status?.ToString(), cancellationToken);
        return list.OrderByDescending(s => s.UpdatedAt).ToList();
    }

    /// <summary>The team's open agreements (all cases), those due soonest first; undated ones last.</summary>
    public async Task<IReadOnlyList<OpenAgreementView>> ListOpenAgreementsAsync(string tenantId, string teamId, CancellationToken cancellationToken = default)
    {
        // Partly done and not done ones still need someone to act, so they are listed with the open ones.
        var stored = await agreements.ListForTeamAsync(new TeamScope(tenantId, teamId), cancellationToken: cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return stored
            .Where(s => s.Agreement.Status is "open" or "partlydone" or "notdone")
            .Select(s => OutlivingRecords.ParseAgreement(s.Agreement))
            .Where(a => AgreementFollowUp.IsOpen(a.Status))
            .OrderBy(a => a.DueBy ?? DateOnly.MaxValue)
            .ThenBy(a => a.CreatedAt)
            .Select(a => new OpenAgreementView(a, a.GetHints(), a.DueBy is { } due && due < today))
            .ToList();
    }

    /// <summary>The agreements (all statuses) of one case reference.</summary>
    public async Task<IReadOnlyList<Agreement>> ListAgreementsForCaseAsync(string tenantId, string teamId, string caseReference, CancellationToken cancellationToken = default)
    {
        var stored = await agreements.ListForCaseAsync(new TeamScope(tenantId, teamId), caseReference, cancellationToken);
        return stored.Select(s => OutlivingRecords.ParseAgreement(s.Agreement)).OrderBy(a => a.CreatedAt).ToList();
    }

    /// <summary>The team's confirmed protocols (latest version each), newest first.</summary>
    public async Task<IReadOnlyList<ProtocolListItem>> ListProtocolsAsync(string tenantId, string teamId, CancellationToken cancellationToken = default)
    {
        var scope = new TeamScope(tenantId, teamId);
        var result = new List<ProtocolListItem>();
        foreach (var session in await sessions.ListAsync(scope, cancellationToken: cancellationToken))
        {
            if (await protocols.GetLatestAsync(scope, session.SessionId, cancellationToken) is { } latest)
            {
                var doc = Parse(latest);
                result.Add(new ProtocolListItem(doc.SessionId, doc.MethodId, doc.MethodName, doc.CaseReference, doc.Version, doc.Date, doc.ConfirmedAt));
            }
        }

        return result.OrderByDescending(p => p.ConfirmedAt).ToList();
    }

    /// <summary>A confirmed protocol version (the latest when <paramref name="version"/> is null) as Markdown and as the copy-ready case-file record.</summary>
    public async Task<RenderedProtocol?> GetProtocolAsync(SessionAddress address, int? version = null, Language language = Language.German, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var record = version is { } v
            ? await protocols.GetVersionAsync(address.Scope, address.SessionId, v, cancellationToken)
            : await protocols.GetLatestAsync(address.Scope, address.SessionId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var doc = Parse(record);
        return new RenderedProtocol(doc, MarkdownProtocolRenderer.Render(doc, language), CaseFileRecordRenderer.Render(doc));
    }

    /// <summary>Every confirmed version of a session's protocol, newest first.</summary>
    public async Task<IReadOnlyList<ProtocolDocument>> ListProtocolVersionsAsync(SessionAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var list = await protocols.ListVersionsAsync(address.Scope, address.SessionId, cancellationToken);
        return list.Select(Parse).ToList();
    }

    private static ProtocolDocument Parse(ProtocolRecord record) =>
        JsonSerializer.Deserialize<ProtocolDocument>(record.Content, SessionSnapshotSerializer.Options)
        ?? throw new JsonException("Empty protocol content.");
}
