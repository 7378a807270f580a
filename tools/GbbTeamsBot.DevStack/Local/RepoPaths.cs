namespace GbbTeamsBot.DevStack.Local;

/// <summary>Finds the repository root (the folder holding GbbTeamsBot.sln) from wherever a program or test runs.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>tools/node/guard.cjs: runs a command and stops it when its parent goes away.</summary>
    public static string GuardScript => Path.Combine(Root, "tools", "node", "guard.cjs");

    /// <summary>Git-ignored folder for local runtime data (Azurite tables, logs).</summary>
    public static string LocalData => Path.Combine(Root, ".local");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GbbTeamsBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository root (GbbTeamsBot.sln) above " + AppContext.BaseDirectory);
    }
}
