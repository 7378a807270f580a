using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Protocol;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// The protocol: the protocol keeper's texts, confirmation by the case presenter (in a helper conference the
/// coordinating contact), and corrections as new versions. A confirmed version is never changed.
/// </summary>
public sealed partial class ConsultationSession
{
    public IReadOnlyList<ProtocolDocument> ProtocolVersions => _state.ProtocolVersions;

    /// <summary>The latest confirmed version, or the current draft assembled from the session.</summary>
    public ProtocolDocument CurrentProtocol() =>
        ProtocolLocked ? _state.ProtocolVersions[^1] : ProtocolBuilder.Build(_state, Method);

    /// <summary>True when a confirmed version exists and no correction is being prepared.</summary>
    private bool ProtocolLocked => _state.ProtocolVersions.Count > 0 && !_state.CorrectionPending;

    private Step UpdateText(Participant actor, UpdateProtocolText command)
    {
        if (!KeepsProtocol(actor))
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.UpdateProtocolText));
        }

        if (_state.ProtocolVersions.Count > 0)
        {
            return Rejections.ProtocolAlreadyConfirmed();
        }

        return WithProtocolText(command.Field, command.Text, command.ConfirmedDespiteWarnings, _state, SessionEventKind.ProtocolTextUpdated);
    }

    private Step Confirm(Participant actor, DateTimeOffset now)
    {
        if (!ConfirmsProtocol(actor))
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.ConfirmProtocol));
        }

        if (ProtocolLocked)
        {
            return Rejections.ProtocolAlreadyConfirmed();
        }

        var document = ProtocolBuilder.Build(_state, Method) with
        {
            IsConfirmed = true,
            ConfirmedByRole = actor.Role,
            ConfirmedAt = now,
            CorrectionReason = _state.CorrectionPending ? _state.CorrectionReason : null,
        };
        return Ok(
            _state with { ProtocolVersions = [.. _state.ProtocolVersions, document], CorrectionPending = false, CorrectionReason = null },
            new SessionEvent(SessionEventKind.ProtocolConfirmed) { SubjectId = document.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private Step Correct(Participant actor, CorrectProtocol command)
    {
        if (!KeepsProtocol(actor) && !ConfirmsProtocol(actor))
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.CorrectProtocol));
        }

        if (_state.ProtocolVersions.Count == 0)
        {
            return Rejections.ProtocolNotConfirmed();
        }

        // A correction leads to a further version; refused here, before anyone types it, when no version is left.
        if (_state.ProtocolVersions.Count >= SessionLimits.MaxProtocolVersions)
        {
            return Rejections.LimitReached(new("Protokollversionen", "protocol versions"), SessionLimits.MaxProtocolVersions);
        }

        var reason = new TextInput("reason", new("Grund der Korrektur", "Reason for the correction"), command.Reason, TextRules.AgreementMaxLength);
        if (TextRules.Validate([reason], command.ConfirmedDespiteWarnings) is { } rejected)
        {
            return rejected;
        }

        var pending = _state with { CorrectionPending = true, CorrectionReason = command.Reason.Trim() };
        return WithProtocolText(command.Field, command.Text, command.ConfirmedDespiteWarnings, pending, SessionEventKind.ProtocolCorrected);
    }

    private static Step WithProtocolText(ProtocolTextField field, string? text, bool confirmed, SessionSnapshot state, SessionEventKind kind)
    {
        var label = field switch
        {
            ProtocolTextField.Summary => new Bilingual("Zusammenfassung", "Summary"),
            ProtocolTextField.NeedsAndObstacles => new Bilingual("Handlungsbedarfe und Hemmnisse", "Needs and obstacles"),
            _ => new Bilingual("Notizen", "Notes"),
        };
        var input = new TextInput(field.ToString(), label, text, TextRules.ProtocolTextMaxLength, Required: false);
        if (TextRules.Validate([input], confirmed) is { } rejected)
        {
            return rejected;
        }

        var clean = TextRules.Clean(text);
        var texts = field switch
        {
            ProtocolTextField.Summary => state.ProtocolTexts with { Summary = clean },
            ProtocolTextField.NeedsAndObstacles => state.ProtocolTexts with { NeedsAndObstacles = clean },
            _ => state.ProtocolTexts with { Notes = clean },
        };
        return Ok(state with { ProtocolTexts = texts }, Event(kind));
    }
}
