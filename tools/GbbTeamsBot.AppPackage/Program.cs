using GbbTeamsBot.AppPackage;

// Usage:
//   dotnet run --project tools/GbbTeamsBot.AppPackage -- --bot-id <guid> [--app-id <guid>] [--entra-app-id <guid>]
//       [--version 1.2.3] [--valid-domain host]... [--manifest-dir manifest] [--output manifest/build/GbbTeamsBot.zip]
//   dotnet run --project tools/GbbTeamsBot.AppPackage -- icons [--manifest-dir manifest]
try
{
    var arguments = CommandLine.Parse(args);
    var manifestDir = arguments.Value("--manifest-dir") is { } dir
        ? Path.GetFullPath(dir)
        : AppPackageBuilder.FindManifestFolder(Directory.GetCurrentDirectory());

    if (arguments.Command == "icons")
    {
        AppPackageBuilder.WriteIcons(manifestDir);
        Console.WriteLine($"Icons written to {manifestDir}");
        return 0;
    }

    var options = new AppPackageOptions(arguments.Guid("--bot-id") ?? throw new ArgumentException("--bot-id <guid> is required."))
    {
        AppId = arguments.Guid("--app-id"),
        EntraAppId = arguments.Guid("--entra-app-id"),
        Version = arguments.Value("--version"),
        ValidDomains = arguments.Values("--valid-domain"),
    };
    var output = arguments.Value("--output") ?? Path.Combine(manifestDir, "build", "GbbTeamsBot.zip");
    var zip = AppPackageBuilder.Build(manifestDir, options, output);
    Console.WriteLine($"App package written to {zip}");
    return 0;
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

/// <summary>Minimal option parsing: an optional command word, then --name value pairs (repeatable).</summary>
internal sealed class CommandLine
{
    private static readonly HashSet<string> Known =
        ["--bot-id", "--app-id", "--entra-app-id", "--version", "--valid-domain", "--manifest-dir", "--output"];

    private readonly List<(string Name, string Value)> _options = [];

    public string Command { get; private set; } = "build";

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            line.Command = args[0] is "build" or "icons" ? args[0] : throw new ArgumentException($"Unknown command '{args[0]}' (build, icons).");
            i = 1;
        }

        for (; i < args.Length; i += 2)
        {
            if (!Known.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown option '{args[i]}'.");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option '{args[i]}' needs a value.");
            }

            line._options.Add((args[i], args[i + 1]));
        }

        return line;
    }

    public string? Value(string name) => _options.LastOrDefault(o => o.Name == name).Value;

    public IReadOnlyList<string> Values(string name) => _options.Where(o => o.Name == name).Select(o => o.Value).ToArray();

    public Guid? Guid(string name) =>
        Value(name) is { } value
            ? System.Guid.TryParse(value, out var id) ? id : throw new ArgumentException($"{name} '{value}' is not a GUID.")
            : null;
}
