namespace GbbTeamsBot.Storage.Repositories;

/// <summary>How many rows a deletion removed, per kind.</summary>
public sealed record DeletionReport(int SessionRows, int Protocols, int Agreements, int Consents)
{
    public static DeletionReport None { get; } = new(0, 0, 0, 0);

    public int Total => SessionRows + Protocols + Agreements + Consents;

    public DeletionReport Add(DeletionReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(SessionRows + other.SessionRows, Protocols + other.Protocols, Agreements + other.Agreements, Consents + other.Consents);
    }
}

/// <summary>Deletes everything stored about one session or one case reference (deletion requests, retention).</summary>
public sealed class StorageRetention(
    SessionRepository sessions,
    ProtocolRepository protocols,
    AgreementRepository agreements,
    ConsentRepository consents,
    GraphWorkRepository? graphWork = null)
{
    /// <summary>The session row, its contributions and request rows, its protocol versions, the agreements made in it and the consents given for it.</summary>
    public async Task<DeletionReport> DeleteSessionAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        // Outliving records first, the session row last: an interrupted run leaves the session to be found again.
        var protocolRows = await protocols.DeleteForSessionAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        var agreementRows = await agreements.DeleteForSessionAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        var consentRows = await consents.DeleteForSubjectAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        if (graphWork is not null)
        {
            // The bot's bookkeeping of Microsoft 365 work (invitee addresses, remote ids); what is in Microsoft 365 stays there.
            await graphWork.DeleteForSessionAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        }

        var sessionRows = await sessions.DeleteSessionAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        return new DeletionReport(sessionRows, protocolRows, agreementRows, consentRows);
    }

    /// <summary>Every session about the case reference (with the above), its agreements and any protocol naming it.</summary>
    public async Task<DeletionReport> DeleteCaseReferenceAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken = default)
    {
        var report = DeletionReport.None;
        foreach (var session in await sessions.ListByCaseReferenceAsync(scope, caseReference, cancellationToken).ConfigureAwait(false))
        {
            report = report.Add(await DeleteSessionAsync(scope, session.SessionId, cancellationToken).ConfigureAwait(false));
        }

        var agreementRows = await agreements.DeleteForCaseAsync(scope, caseReference, cancellationToken).ConfigureAwait(false);
        var protocolRows = await protocols.DeleteForCaseAsync(scope, caseReference, cancellationToken).ConfigureAwait(false);
        return report.Add(new DeletionReport(0, protocolRows, agreementRows, 0));
    }
}
