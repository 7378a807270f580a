using System.Text.Json.Nodes;

namespace GbbTeamsBot.Infra.Tests;

/// <summary>azure.yaml: valid for azd (its official schema) and pointing at what this repository really has.</summary>
public sealed class AzureYamlTests
{
    private static JsonObject AzureYaml() => YamlJson.Parse(Repository.ReadText("azure.yaml"))!.AsObject();

    [AzdSchemaFact]
    public void Azure_yaml_validates_against_the_azd_schema()
    {
        var results = AzdSchema.Validate(AzureYaml());

        Assert.True(results.IsValid, AzdSchema.Describe(results));
    }

    [AzdSchemaFact]
    public void The_schema_check_rejects_a_bad_application_name_and_an_unknown_hook_shell()
    {
        // Proof that the validator really reads the schema: two mistakes azd itself would refuse.
        var badName = AzureYaml();
        badName["name"] = "GBB Teams Bot";
        var badShell = AzureYaml();
        badShell["hooks"]!["postprovision"]!["posix"]!["shell"] = "bash";

        Assert.False(AzdSchema.Validate(badName).IsValid);
        Assert.False(AzdSchema.Validate(badShell).IsValid);
    }

    [Fact]
    public void The_one_service_bot_deploys_the_host_project_as_dotnet_to_app_service()
    {
        var yaml = AzureYaml();
        var service = Assert.Single(yaml["services"]!.AsObject());

        Assert.Equal("bot", service.Key);
        Assert.Equal("src/GbbTeamsBot", service.Value!["project"]!.GetValue<string>());
        Assert.Equal("dotnet", service.Value["language"]!.GetValue<string>());
        Assert.Equal("appservice", service.Value["host"]!.GetValue<string>());
        Assert.True(File.Exists(Repository.PathOf("src", "GbbTeamsBot", "GbbTeamsBot.csproj")));
        Assert.Equal("bicep", yaml["infra"]!["provider"]!.GetValue<string>());
        Assert.True(File.Exists(Repository.PathOf(yaml["infra"]!["path"]!.GetValue<string>(), yaml["infra"]!["module"]!.GetValue<string>() + ".bicep")));
    }

    [Fact]
    public void Postprovision_hook_builds_the_Teams_app_package_for_the_provisioned_bot_on_every_platform()
    {
        var hook = AzureYaml()["hooks"]!["postprovision"]!;

        foreach (var platform in new[] { "posix", "windows" })
        {
            var script = hook[platform]!["run"]!.GetValue<string>();
            var text = File.ReadAllText(Repository.PathOf(script.Split('/')));
            Assert.Contains("dotnet run --project tools/GbbTeamsBot.AppPackage", text, StringComparison.Ordinal);
            Assert.Contains("--bot-id", text, StringComparison.Ordinal);
            Assert.Contains("BOT_APP_ID", text, StringComparison.Ordinal);
            Assert.Contains("--valid-domain", text, StringComparison.Ordinal);
            Assert.Contains("Teams app package:", text, StringComparison.Ordinal);
        }

        Assert.Equal("sh", hook["posix"]!["shell"]!.GetValue<string>());
        Assert.Equal("pwsh", hook["windows"]!["shell"]!.GetValue<string>());
        Assert.True(File.Exists(Repository.PathOf("tools", "GbbTeamsBot.AppPackage", "GbbTeamsBot.AppPackage.csproj")));
    }
}
