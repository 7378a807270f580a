using System.Diagnostics;
using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.Testing;

/// <summary>Node scripts that tests run against the pinned npm tools (card renderer, manifest schemas).</summary>
public static class NodeScripts
{
    /// <summary>
    /// Installs the pinned tools from the lockfile when they are missing (once per machine, under a lock shared by the
    /// parallel test processes) and returns the node_modules folder; fails naming the package when one is still absent.
    /// </summary>
    public static string RequirePackages(params string[] packages)
    {
        NodeTools.EnsureInstalledAsync().GetAwaiter().GetResult();
        foreach (var package in packages)
        {
            if (!Directory.Exists(Path.Combine(RepoPaths.NodeModules, package)))
            {
                throw new InvalidOperationException(
                    $"The npm package '{package}' is missing from {RepoPaths.NodeModules}; add it to package.json and package-lock.json.");
            }
        }

        return RepoPaths.NodeModules;
    }

    /// <summary>Runs a script in the repository root and returns its standard output; a non-zero exit throws with its errors.</summary>
    public static string Run(string script, TimeSpan timeout, params string[] arguments) =>
        Run(script, timeout, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Run(string, TimeSpan, string[])"/>, with extra environment variables for the script.</summary>
    public static string Run(string script, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        NodeTools.RequireNode();
        var start = new ProcessStartInfo(NodeTools.NodeExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {Path.GetFileName(script)} did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"node {Path.GetFileName(script)} failed with exit code {process.ExitCode}:\n{stderr.Result}\n{stdout.Result}");
        }

        return stdout.Result;
    }
}
