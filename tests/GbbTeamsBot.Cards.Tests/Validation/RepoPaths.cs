namespace GbbTeamsBot.Cards.Tests.Validation;

internal static class RepoPaths
{
    /// <summary>The repository root: the first parent of the test binaries that holds GbbTeamsBot.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GbbTeamsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GbbTeamsBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
