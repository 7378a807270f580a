using System.Diagnostics;
using System.Text.Json;

namespace GbbTeamsBot.AppPackage.Tests;

internal sealed record SchemaResult(string File, string Schema, List<string> Errors);

/// <summary>Validates manifest and localization files with the official schema (ajv-draft-04) in one node run.</summary>
internal static class ManifestValidator
{
    public const string SchemaVersion = "v1.22";

    public static string RepoRoot { get; } = FindRoot();

    public static string ManifestFolder => Path.Combine(RepoRoot, "manifest");

    public static IReadOnlyList<SchemaResult> Validate(params string[] files)
    {
        foreach (var package in new[] { "@microsoft/app-manifest", "ajv-draft-04", "ajv-formats" })
        {
            if (!Directory.Exists(Path.Combine(RepoRoot, "node_modules", package)))
            {
                throw new InvalidOperationException($"The npm package '{package}' is missing. Run 'npm ci' in {RepoRoot} first.");
            }
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "validate-manifest.js"));
        start.ArgumentList.Add(Path.Combine(RepoRoot, "node_modules"));
        start.ArgumentList.Add(SchemaVersion);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("'node' was not found on PATH. Install Node.js 20+ and run 'npm ci'.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("validate-manifest.js did not finish within a minute.");
            }

            Assert.True(process.ExitCode == 0, $"validate-manifest.js failed:\n{stderr.Result}");
            return JsonSerializer.Deserialize<List<SchemaResult>>(stdout.Result, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GbbTeamsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GbbTeamsBot.sln not found above the test binaries.");
    }
}
