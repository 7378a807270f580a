using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GbbTeamsBot.AppPackage;

/// <summary>What goes into one app package.</summary>
internal sealed record AppPackageOptions(Guid BotId)
{
    /// <summary>Teams app id; the committed manifest's id when null.</summary>
    public Guid? AppId { get; init; }

    /// <summary>Entra app used for RSC (webApplicationInfo.id); the bot id when null.</summary>
    public Guid? EntraAppId { get; init; }

    /// <summary>Semantic version; the committed manifest's version when null.</summary>
    public string? Version { get; init; }

    /// <summary>Host names for validDomains (no scheme).</summary>
    public IReadOnlyList<string> ValidDomains { get; init; } = [];
}

/// <summary>
/// Makes the Teams app package: manifest.json (bot id and app ids filled in), the two icons and the
/// localization files, all at the root of the zip as Teams expects.
/// </summary>
internal static class AppPackageBuilder
{
    public const string ManifestFile = "manifest.json";

    /// <summary>Files copied from the manifest folder as they are.</summary>
    public static IReadOnlyList<string> StaticFiles { get; } = ["color.png", "outline.png", "de.json", "en.json"];

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Manifest(string manifestFolder, AppPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BotId == Guid.Empty)
        {
            throw new ArgumentException("The bot id must be the Azure Bot's app id, not the empty GUID.", nameof(options));
        }

        if (options.Version is { } version && !System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d+\.\d+\.\d+$"))
        {
            throw new ArgumentException($"Version '{version}' is not major.minor.patch.", nameof(options));
        }

        foreach (var domain in options.ValidDomains)
        {
            if (domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal) || domain.Length == 0)
            {
                throw new ArgumentException($"Valid domain '{domain}' must be a host name without scheme or path.", nameof(options));
            }
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(manifestFolder, ManifestFile)))!.AsObject();
        manifest["bots"]![0]!["botId"] = options.BotId.ToString("D");
        manifest["webApplicationInfo"]!["id"] = (options.EntraAppId ?? options.BotId).ToString("D");
        // The app's resource (Application ID URI) for the same app; its Graph application permissions are listed in the README.
        manifest["webApplicationInfo"]!["resource"] = "api://botid-" + (options.EntraAppId ?? options.BotId).ToString("D");
        if (options.AppId is { } appId)
        {
            manifest["id"] = appId.ToString("D");
        }

        if (options.Version is not null)
        {
            manifest["version"] = options.Version;
        }

        if (options.ValidDomains.Count > 0)
        {
            manifest["validDomains"] = new JsonArray(options.ValidDomains.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray());
        }

        return manifest;
    }

    /// <summary>Writes the zip; an existing file is replaced. Returns the full path.</summary>
    public static string Build(string manifestFolder, AppPackageOptions options, string outputZip)
    {
        var manifest = Manifest(manifestFolder, options);
        foreach (var file in StaticFiles)
        {
            if (!File.Exists(Path.Combine(manifestFolder, file)))
            {
                throw new FileNotFoundException($"{file} is missing in {manifestFolder}.", file);
            }
        }

        var fullPath = Path.GetFullPath(outputZip);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temp = fullPath + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry(ManifestFile, CompressionLevel.Optimal);
            using (var stream = entry.Open())
            {
                JsonSerializer.Serialize(stream, manifest, Indented);
            }

            foreach (var file in StaticFiles)
            {
                zip.CreateEntryFromFile(Path.Combine(manifestFolder, file), file, CompressionLevel.Optimal);
            }
        }

        File.Move(temp, fullPath, overwrite: true);
        return fullPath;
    }

    /// <summary>Draws both icons into the manifest folder.</summary>
    public static void WriteIcons(string manifestFolder)
    {
        File.WriteAllBytes(Path.Combine(manifestFolder, "color.png"), PngWriter.Encode(IconPainter.Color()));
        File.WriteAllBytes(Path.Combine(manifestFolder, "outline.png"), PngWriter.Encode(IconPainter.Outline()));
    }

    /// <summary>The repository's manifest folder, found from the current directory upwards.</summary>
    public static string FindManifestFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "manifest", ManifestFile);
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new DirectoryNotFoundException($"No manifest/{ManifestFile} found above {start}; pass --manifest-dir.");
    }
}
