using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace GbbTeamsBot.Infra.Tests;

/// <summary>
/// The official azd schema for azure.yaml (schemas/v1.0/azure.yaml.json of Azure/azure-dev, draft 2019-09) with the
/// extension schemas it references by URL, loaded from local files only: nothing is downloaded. They are looked for
/// in GBB_AZD_SCHEMA_DIR, else in the shared reference data beside the repository (shared/reference/data/azd).
/// </summary>
internal static class AzdSchema
{
    public const string FolderVariable = "GBB_AZD_SCHEMA_DIR";
    public const string MainSchemaUri = "https://raw.githubusercontent.com/Azure/azure-dev/main/schemas/v1.0/azure.yaml.json";
    private const string ExtensionsUri = "https://raw.githubusercontent.com/Azure/azure-dev/main/cli/azd/extensions/";

    /// <summary>Extension schemas azure.yaml.json points at, by their place under cli/azd/extensions/ upstream.</summary>
    private static readonly string[] ExtensionSchemas =
    [
        "azure.ai.agents/schemas/azure.ai.agent.json",
        "azure.ai.agents/schemas/microsoft.foundry.json",
        "azure.ai.connections/schemas/azure.ai.connection.json",
        "azure.ai.projects/schemas/azure.ai.project.json",
        "azure.ai.routines/schemas/azure.ai.routine.json",
        "azure.ai.skills/schemas/azure.ai.skill.json",
        "azure.ai.toolboxes/schemas/azure.ai.toolbox.json",
    ];

    private static readonly Lazy<JsonSchema> Schema = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? Folder { get; } = FindFolder();

    public static EvaluationResults Validate(JsonNode document) =>
        Schema.Value.Evaluate(JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List });

    public static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}")));

    private static JsonSchema Build()
    {
        var folder = Folder ?? throw new InvalidOperationException("The azd schema folder was not found.");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var extension in ExtensionSchemas)
        {
            JsonSchema.FromFile(Path.Combine(folder, "extensions", Path.GetFileName(extension)), options, new Uri(ExtensionsUri + extension));
        }

        return JsonSchema.FromFile(Path.Combine(folder, "azure.yaml.json"), options, new Uri(MainSchemaUri));
    }

    private static string? FindFolder()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable(FolderVariable),
            Path.Combine(Repository.Root, "..", "shared", "reference", "data", "azd"),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(Path.Combine(c, "azure.yaml.json")));
    }
}

/// <summary>Skipped, and says why, when the azd schema is not on this machine.</summary>
public sealed class AzdSchemaFactAttribute : FactAttribute
{
    public AzdSchemaFactAttribute()
    {
        if (AzdSchema.Folder is null)
        {
            Skip = $"The azd schema (azure.yaml.json and extensions/) is not in shared/reference/data/azd beside the repository, nor in {AzdSchema.FolderVariable}.";
        }
    }
}

/// <summary>YAML 1.2 core schema to JSON: plain scalars become booleans, numbers and null, quoted ones stay strings.</summary>
internal static class YamlJson
{
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
            _ => JsonValue.Create(text),
        };
    }
}
