using System.Text.Json.Nodes;

namespace GbbTeamsBot.Infra.Tests;

/// <summary>A resource of the compiled template, with the module (nested deployment) it is declared in; "" for main.</summary>
internal sealed record ArmResource(string Module, string Type, JsonObject Json)
{
    public JsonNode? Properties => Json["properties"];

    public string? Text(string path) => Node(path)?.GetValue<string>();

    public JsonNode? Node(string path)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node;
    }
}

/// <summary>Reading Bicep's ARM output: resources of main and of every module, module parameters and outputs.</summary>
internal static class ArmTemplate
{
    public static IReadOnlyList<ArmResource> Resources(JsonObject template) => Collect(template, "").ToArray();

    public static ArmResource Single(JsonObject template, string type) =>
        Assert.Single(Resources(template), r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The nested deployment of <c>module &lt;name&gt;</c> in main.bicep.</summary>
    public static JsonObject Module(JsonObject template, string name) =>
        Assert.Single(TopLevel(template), r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == name);

    /// <summary>The expression main.bicep passes to a module's parameter, e.g. "[reference(...).outputs.clientId.value]".</summary>
    public static string ModuleParameter(JsonObject template, string module, string parameter) =>
        Module(template, module)["properties"]!["parameters"]![parameter]?["value"]?.ToString()
            ?? throw new Xunit.Sdk.XunitException($"Module '{module}' gets no parameter '{parameter}'.");

    /// <summary>The value expression of a module's output.</summary>
    public static string ModuleOutput(JsonObject template, string module, string output) =>
        Module(template, module)["properties"]!["template"]!["outputs"]![output]?["value"]?.GetValue<string>()
            ?? throw new Xunit.Sdk.XunitException($"Module '{module}' has no output '{output}'.");

    /// <summary>Bicep writes "module.outputs.x" as reference(… 'Microsoft.Resources/deployments', 'module' …).outputs.x.value.</summary>
    public static bool ReferencesModuleOutput(string expression, string module, string output) =>
        expression.Contains($"'Microsoft.Resources/deployments', '{module}')", StringComparison.Ordinal)
        && expression.Contains($".outputs.{output}.value", StringComparison.Ordinal);

    private static IEnumerable<JsonObject> TopLevel(JsonObject template) => template["resources"] switch
    {
        JsonArray list => list.Select(r => r!.AsObject()),
        // languageVersion 2.0 writes resources as an object keyed by symbolic name.
        JsonObject map => map.Select(p => p.Value!.AsObject()),
        _ => [],
    };

    private static IEnumerable<ArmResource> Collect(JsonObject template, string module)
    {
        foreach (var resource in TopLevel(template))
        {
            var type = resource["type"]!.GetValue<string>();
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Collect(nested, resource["name"]!.GetValue<string>()))
                {
                    yield return inner;
                }

                continue;
            }

            yield return new ArmResource(module, type, resource);
        }
    }
}
