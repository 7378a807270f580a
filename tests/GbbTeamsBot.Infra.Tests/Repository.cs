using System.Reflection;

namespace GbbTeamsBot.Infra.Tests;

/// <summary>Paths of the checked-out repository and of the tools the infra tests use.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The bicep binary of the Azure.Bicep.CommandLine.linux-x64 package restored for this project.</summary>
    public static string BicepExecutable
    {
        get
        {
            var folder = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "BicepPackageFolder").Value;
            if (string.IsNullOrEmpty(folder))
            {
                throw new InvalidOperationException("The Bicep CLI package was not restored (PkgAzure_Bicep_CommandLine_linux-x64 is empty).");
            }

            return Path.Combine(folder, "tools", "bicep");
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GbbTeamsBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("GbbTeamsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
