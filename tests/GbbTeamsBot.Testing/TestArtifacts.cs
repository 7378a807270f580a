using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.Testing;

/// <summary>Files tests leave behind for people to look at: under TestResults/ in the repository root (git-ignored).</summary>
public static class TestArtifacts
{
    public static string Root => Path.Combine(RepoPaths.Root, "TestResults");

    public static string Folder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
