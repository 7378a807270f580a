using System.Security.Cryptography;
using System.Text.Json;
using GbbTeamsBot.Cards;
using Microsoft.AspNetCore.DataProtection;

namespace GbbTeamsBot.Teams.Meetings;

/// <summary>
/// The opaque id in a meeting-notice link: the notice text and language, encrypted and signed with ASP.NET Core data
/// protection and valid for a day. The URL therefore carries no readable text or name, and nobody can make the bot's
/// page show words of their own. Instances behind one address need a shared data-protection key ring.
/// </summary>
public sealed class MeetingNoticeLink(IDataProtectionProvider protection, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("GbbTeamsBot.MeetingNotice.v1").ToTimeLimitedDataProtector();

    public string Create(string text, UiLanguage language) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(text, language == UiLanguage.English ? "en" : "de")), time.GetUtcNow() + Lifetime);

    /// <summary>The notice behind an id; null for anything forged, altered, expired or not from this key ring.</summary>
    public (string Text, string Language)? Read(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(id));
            return payload is { Text: { } text, Language: "de" or "en" } ? (text, payload.Language) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(string Text, string Language);
}
