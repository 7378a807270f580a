using System.Security.Cryptography;
using System.Text.Json;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Storage.Repositories;
using Microsoft.AspNetCore.DataProtection;

namespace GbbTeamsBot.Teams.Knowledge;

/// <summary>
/// The opaque id in a CSV download link of a team's Sozialraumwissen: tenant, team and language, encrypted and signed
/// with ASP.NET Core data protection and valid for <see cref="Lifetime"/>. Teams shows a bot's file only through a
/// link, so the export card opens this one; the URL names no team, and nobody can make it name another team.
/// </summary>
public sealed class KnowledgeExportLink(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("GbbTeamsBot.KnowledgeExport.v1").ToTimeLimitedDataProtector();

    public string Create(TeamScope scope, Language language)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _protector.Protect(JsonSerializer.Serialize(new Payload(scope.TenantId, scope.TeamId, language == Language.English ? "en" : "de")), time.GetUtcNow() + Lifetime);
    }

    /// <summary>The team and language behind an id; null for anything forged, altered, expired or not from this key ring.</summary>
    public (TeamScope Scope, Language Language)? Read(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(id));
            return payload is { TenantId: { Length: > 0 } tenant, TeamId: { Length: > 0 } team, Language: "de" or "en" }
                ? (new TeamScope(tenant, team), payload.Language == "en" ? Language.English : Language.German)
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(string TenantId, string TeamId, string Language);
}
