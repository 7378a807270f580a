using System.Text.Json;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.AppPackage.Tests;

internal sealed record SchemaResult(string File, string Schema, List<string> Errors);

/// <summary>Validates manifest and localization files with the official schema (ajv-draft-04) in one node run.</summary>
internal static class ManifestValidator
{
    public const string SchemaVersion = "v1.22";

    public static string ManifestFolder => Path.Combine(RepoPaths.Root, "manifest");

    public static IReadOnlyList<SchemaResult> Validate(params string[] files)
    {
        var nodeModules = NodeScripts.RequirePackages("@microsoft/app-manifest", "ajv-draft-04", "ajv-formats");
        var output = NodeScripts.Run(
            Path.Combine(AppContext.BaseDirectory, "validate-manifest.js"),
            TimeSpan.FromMinutes(1),
            [nodeModules, SchemaVersion, .. files]);
        return JsonSerializer.Deserialize<List<SchemaResult>>(output, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
