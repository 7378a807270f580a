using System.Collections;
using System.Reflection;
using GbbTeamsBot.BotFramework;
using GbbTeamsBot.Hosting;
using GbbTeamsBot.Storage;

namespace GbbTeamsBot.Infra.Tests;

/// <summary>
/// The web app's settings in infra/modules/app.bicep against what the host really binds: every options class (a
/// type with a SectionName constant in the host's assemblies) read by reflection, so renaming or removing an option
/// breaks this test instead of silently dropping a setting from the deployment.
/// </summary>
public sealed class AppSettingsTests
{
    /// <summary>Settings that are no options-class key, each with who reads it.</summary>
    private static readonly Dictionary<string, string> PlatformSettings = new(StringComparer.Ordinal)
    {
        [TelemetrySetup.AzureMonitorConnectionStringKey] = "TelemetrySetup (Azure Monitor exporter)",
        ["AZURE_CLIENT_ID"] = "Azure.Identity (EnvironmentCredential / DefaultAzureCredential pick the user-assigned identity)",
    };

    [BicepFact]
    public async Task Every_app_setting_is_a_configuration_key_the_host_binds()
    {
        var bound = BoundConfigurationKeys();
        Assert.Contains("Bot:Credential:Type", bound);
        Assert.Contains("Storage:TableEndpoint", bound);

        foreach (var name in (await AppSettingsAsync()).Keys)
        {
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            Assert.True(
                bound.Contains(key) || PlatformSettings.ContainsKey(name),
                $"App setting {name} maps to no key an options class binds ({key}) and is no known platform setting.");
        }
    }

    [BicepFact]
    public async Task The_deployment_sets_the_bot_identity_storage_endpoint_public_url_and_telemetry()
    {
        var settings = await AppSettingsAsync();
        var template = (await CompiledInfra.GetAsync()).Template;

        Assert.Equal("[parameters('identityClientId')]", settings["Bot__AppId"]);
        Assert.Equal("[tenant().tenantId]", ArmTemplate.ModuleParameter(template, "app", "tenantId"));
        Assert.Equal("[parameters('tenantId')]", settings["Bot__TenantId"]);
        Assert.Equal("ManagedIdentity", settings["Bot__Credential__Type"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Storage__ManagedIdentityClientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.Equal("[parameters('tableEndpoint')]", settings["Storage__TableEndpoint"]);
        Assert.StartsWith("[format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('webAppName'))", settings["Teams__PublicBaseUrl"], StringComparison.Ordinal);
        Assert.Equal("[parameters('applicationInsightsConnectionString')]", settings[TelemetrySetup.AzureMonitorConnectionStringKey]);

        // Wired to the right modules: the identity's client id and the storage account's table endpoint.
        Assert.True(ArmTemplate.ReferencesModuleOutput(ArmTemplate.ModuleParameter(template, "app", "identityClientId"), "identity", "clientId"));
        Assert.True(ArmTemplate.ReferencesModuleOutput(ArmTemplate.ModuleParameter(template, "app", "tableEndpoint"), "storage", "tableEndpoint"));
        Assert.Contains(".primaryEndpoints.table]", ArmTemplate.ModuleOutput(template, "storage", "tableEndpoint"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_credential_type_the_deployment_sets_is_one_the_host_accepts_outside_Development()
    {
        var options = new BotOptions { AppId = Guid.NewGuid().ToString(), TenantId = Guid.NewGuid().ToString() };
        options.Credential.Type = "ManagedIdentity";

        var result = new BotOptionsValidator("Production").Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static async Task<Dictionary<string, string>> AppSettingsAsync()
    {
        var config = ArmTemplate.Single((await CompiledInfra.GetAsync()).Template, "Microsoft.Web/sites/config");
        Assert.EndsWith("'appsettings')]", config.Text("name"), StringComparison.Ordinal);
        return config.Properties!.AsObject().ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
    }

    /// <summary>"Section:Property:Nested" for every settable option of every options class the host's assemblies hold.</summary>
    private static HashSet<string> BoundConfigurationKeys()
    {
        var assemblies = new[] { typeof(TelemetrySetup).Assembly, typeof(BotOptions).Assembly, typeof(StorageOptions).Assembly };
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
            {
                AddKeys(type, section, keys, depth: 0);
            }
        }

        Assert.True(keys.Count > 20, "Too few option keys found: " + string.Join(", ", keys));
        return keys;
    }

    private static void AddKeys(Type type, string prefix, HashSet<string> keys, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + ":" + property.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(propertyType) || typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                // The binder writes only settable leaves; lists are filled through their items (Key:0, Key:1, …).
                if (property.SetMethod?.IsPublic == true)
                {
                    keys.Add(key);
                }
            }
            else if (propertyType.IsClass && depth < 4)
            {
                AddKeys(propertyType, key, keys, depth + 1);
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Uri)
        || type == typeof(TimeSpan) || type == typeof(DateTimeOffset) || type == typeof(Guid);
}
