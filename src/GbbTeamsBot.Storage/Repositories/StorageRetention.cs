namespace GbbTeamsBot.Storage.Repositories;

/// <summary>How many rows a deletion request removed, per kind.</summary>
public sealed record DeletionReport(int SessionRows, int Protocols, int Agreements, int Consents)
{
    public int Total => SessionRows + Protocols + Agreements + Consents;
}

/// <summary>Deletes everything stored about one session or one case reference (deletion requests, retention).</summary>
public sealed class StorageRetention(SessionRepository sessions, ProtocolRepository protocols, AgreementRepository agreements, ConsentRepository consents)
{
    /// <summary>The session row, its contributions, its protocol versions and the consents given for it.</summary>
    public async Task<DeletionReport> DeleteSessionAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        var sessionRows = await sessions.DeleteSessionAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        var protocolRows = await protocols.DeleteForSessionAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        var consentRows = await consents.DeleteForSubjectAsync(scope, sessionId, cancellationToken).ConfigureAwait(false);
        return new DeletionReport(sessionRows, protocolRows, 0, consentRows);
    }

    /// <summary>Every session about the case reference (with the above), its agreements and any protocol naming it.</summary>
    public async Task<DeletionReport> DeleteCaseReferenceAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken = default)
    {
        var report = new DeletionReport(0, 0, 0, 0);
        foreach (var session in await sessions.ListByCaseReferenceAsync(scope, caseReference, cancellationToken).ConfigureAwait(false))
        {
            var part = await DeleteSessionAsync(scope, session.SessionId, cancellationToken).ConfigureAwait(false);
            report = report with { SessionRows = report.SessionRows + part.SessionRows, Protocols = report.Protocols + part.Protocols, Consents = report.Consents + part.Consents };
        }

        var agreementRows = await agreements.DeleteForCaseAsync(scope, caseReference, cancellationToken).ConfigureAwait(false);
        var protocolRows = await protocols.DeleteForCaseAsync(scope, caseReference, cancellationToken).ConfigureAwait(false);
        return report with { Agreements = agreementRows, Protocols = report.Protocols + protocolRows };
    }
}
