using System.Diagnostics;

namespace GbbTeamsBot.Cards.Tests.Validation;

/// <summary>Runs a Node script from the repository and returns its standard output; fails loudly with a hint.</summary>
internal static class NodeRunner
{
    public static string Run(string script, params string[] arguments)
    {
        RequirePackage("adaptivecards");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "Node.js is required for the card and manifest checks but 'node' was not found on PATH. " +
                "Install Node.js 20+ and run 'npm ci' in the repository root.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {Path.GetFileName(script)} did not finish within 2 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"node {Path.GetFileName(script)} failed with exit code {process.ExitCode}:\n{stderr.Result}\n{stdout.Result}");
            }

            return stdout.Result;
        }
    }

    public static void RequirePackage(string package)
    {
        var path = Path.Combine(RepoPaths.NodeModules, package);
        if (!Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"The npm package '{package}' is missing ({path}). Run 'npm ci' in {RepoPaths.Root} first.");
        }
    }
}
