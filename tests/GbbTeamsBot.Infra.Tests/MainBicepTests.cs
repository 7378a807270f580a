using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GbbTeamsBot.Bot;
using GbbTeamsBot.Health;

namespace GbbTeamsBot.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled by the real Bicep CLI (NuGet package, offline) and the ARM JSON it produces: what a job
/// centre's IT gets from `azd up`. Expressions are compared as Bicep writes them, so a property that silently
/// changes (or a module wired to the wrong identity) fails here rather than in the customer's subscription.
/// </summary>
public sealed partial class MainBicepTests
{
    private const string StorageTableDataContributorRoleId = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    [BicepFact]
    public async Task Bicep_build_and_lint_of_main_pass_with_no_errors_and_no_warnings()
    {
        var infra = await CompiledInfra.GetAsync();

        Assert.Equal(0, infra.Build.ExitCode);
        Assert.Empty(infra.Build.Diagnostics);
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.Output);
        Assert.Empty(infra.Lint.Diagnostics);
    }

    [BicepFact]
    public async Task Storage_account_takes_Entra_ID_only_over_https_with_TLS_1_2_and_nothing_public()
    {
        var storage = ArmTemplate.Single((await CompiledInfra.GetAsync()).Template, "Microsoft.Storage/storageAccounts");

        Assert.False(storage.Node("properties.allowSharedKeyAccess")!.GetValue<bool>());
        Assert.False(storage.Node("properties.allowBlobPublicAccess")!.GetValue<bool>());
        Assert.True(storage.Node("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
        Assert.True(storage.Node("properties.defaultToOAuthAuthentication")!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage.Text("properties.minimumTlsVersion"));
    }

    [BicepFact]
    public async Task The_bot_identity_gets_Storage_Table_Data_Contributor_at_account_scope()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var assignment = ArmTemplate.Single(template, "Microsoft.Authorization/roleAssignments");

        Assert.Equal("storage", assignment.Module);
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", assignment.Text("scope"));
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('storageTableDataContributorRoleId'))]", assignment.Text("properties.roleDefinitionId"));
        var storageVariables = ArmTemplate.Module(template, "storage")["properties"]!["template"]!["variables"]!;
        Assert.Equal(StorageTableDataContributorRoleId, storageVariables["storageTableDataContributorRoleId"]!.GetValue<string>());
        Assert.Equal("ServicePrincipal", assignment.Text("properties.principalType"));
        Assert.Equal("[parameters('tableDataContributorPrincipalId')]", assignment.Text("properties.principalId"));

        // main.bicep hands the storage module the principal of the identity module, which is the identity's own.
        Assert.True(ArmTemplate.ReferencesModuleOutput(ArmTemplate.ModuleParameter(template, "storage", "tableDataContributorPrincipalId"), "identity", "principalId"));
        Assert.Contains("'Microsoft.ManagedIdentity/userAssignedIdentities'", ArmTemplate.ModuleOutput(template, "identity", "principalId"), StringComparison.Ordinal);
        Assert.EndsWith(".principalId]", ArmTemplate.ModuleOutput(template, "identity", "principalId"), StringComparison.Ordinal);
    }

    [BicepFact]
    public async Task Web_app_is_linux_dotnet_10_https_only_TLS_1_2_ftp_off_always_on_with_readyz_as_health_check()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var site = ArmTemplate.Single(template, "Microsoft.Web/sites");

        Assert.Equal("app,linux", site.Text("kind"));
        Assert.True(site.Node("properties.httpsOnly")!.GetValue<bool>());
        Assert.Equal("DOTNETCORE|10.0", site.Text("properties.siteConfig.linuxFxVersion"));
        Assert.Equal("1.2", site.Text("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", site.Text("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", site.Text("properties.siteConfig.ftpsState"));
        Assert.True(site.Node("properties.siteConfig.alwaysOn")!.GetValue<bool>());
        Assert.Equal(HealthEndpoints.ReadinessPath, site.Text("properties.siteConfig.healthCheckPath"));
        Assert.Equal("UserAssigned", site.Text("identity.type"));
        Assert.Contains("'azd-service-name', 'bot'", site.Text("tags"), StringComparison.Ordinal);

        var ftp = ArmTemplate.Single(template, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.EndsWith("'ftp')]", ftp.Text("name"), StringComparison.Ordinal);
        Assert.False(ftp.Node("properties.allow")!.GetValue<bool>());
    }

    [BicepFact]
    public async Task Plan_is_linux_and_every_allowed_sku_scales_to_at_least_two_instances()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var plan = ArmTemplate.Single(template, "Microsoft.Web/serverfarms");

        Assert.True(plan.Node("properties.reserved")!.GetValue<bool>());
        Assert.Equal("[parameters('instanceCount')]", plan.Text("sku.capacity"));
        var instances = template["parameters"]!["instanceCount"]!.AsObject();
        Assert.True(instances["maxValue"]!.GetValue<int>() >= 2);

        // Free (F1) and Shared (D1) run one instance without Always On; every other tier scales out.
        var skus = template["parameters"]!["appServicePlanSku"]!["allowedValues"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray();
        Assert.NotEmpty(skus);
        Assert.DoesNotContain(skus, s => s.StartsWith('F') || s.StartsWith('D'));
    }

    [BicepFact]
    public async Task Azure_bot_is_the_user_assigned_identity_with_the_web_apps_messages_endpoint_and_the_Teams_channel()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var bot = ArmTemplate.Single(template, "Microsoft.BotService/botServices");

        Assert.Equal("azurebot", bot.Text("kind"));
        Assert.Equal("global", bot.Text("location"));
        Assert.Equal("UserAssignedMSI", bot.Text("properties.msaAppType"));
        Assert.Equal("[parameters('identityClientId')]", bot.Text("properties.msaAppId"));
        Assert.Equal("[parameters('identityResourceId')]", bot.Text("properties.msaAppMSIResourceId"));
        Assert.Equal("[parameters('tenantId')]", bot.Text("properties.msaAppTenantId"));
        Assert.Equal("[parameters('messagingEndpoint')]", bot.Text("properties.endpoint"));

        var endpoint = ArmTemplate.ModuleParameter(template, "bot", "messagingEndpoint");
        Assert.StartsWith($"[format('https://{{0}}{BotEndpoints.MessagesPath}', ", endpoint, StringComparison.Ordinal);
        Assert.True(ArmTemplate.ReferencesModuleOutput(endpoint, "app", "defaultHostName"));
        Assert.True(ArmTemplate.ReferencesModuleOutput(ArmTemplate.ModuleParameter(template, "bot", "identityClientId"), "identity", "clientId"));
        Assert.True(ArmTemplate.ReferencesModuleOutput(ArmTemplate.ModuleParameter(template, "bot", "identityResourceId"), "identity", "resourceId"));

        var teams = ArmTemplate.Single(template, "Microsoft.BotService/botServices/channels");
        Assert.Equal("MsTeamsChannel", teams.Text("properties.channelName"));
        Assert.True(teams.Node("properties.properties.isEnabled")!.GetValue<bool>());
    }

    [BicepFact]
    public async Task Monitoring_is_a_workspace_based_Application_Insights()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var workspace = ArmTemplate.Single(template, "Microsoft.OperationalInsights/workspaces");
        var insights = ArmTemplate.Single(template, "Microsoft.Insights/components");

        Assert.Equal("PerGB2018", workspace.Text("properties.sku.name"));
        Assert.Contains("'Microsoft.OperationalInsights/workspaces'", insights.Text("properties.WorkspaceResourceId"), StringComparison.Ordinal);
        Assert.True(ArmTemplate.ReferencesModuleOutput(ArmTemplate.ModuleParameter(template, "app", "applicationInsightsConnectionString"), "monitoring", "applicationInsightsConnectionString"));
    }

    [BicepFact]
    public async Task Every_resource_that_takes_tags_carries_the_azd_environment_name()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        Assert.Equal("[parameters('environmentName')]", template["variables"]!["tags"]!["azd-env-name"]!.GetValue<string>());

        // Child resources (sites/config, channels, …) and role assignments take no tags of their own.
        var tracked = ArmTemplate.Resources(template).Where(r => r.Type.Count(c => c == '/') == 1 && r.Type != "Microsoft.Authorization/roleAssignments").ToArray();
        // Resource group, identity, workspace, Application Insights, storage account, plan, web app, bot.
        Assert.Equal(8, tracked.Length);
        foreach (var resource in tracked)
        {
            var tags = resource.Json["tags"]?.ToString();
            var expected = resource.Module.Length == 0 ? "[variables('tags')]" : "parameters('tags')";
            Assert.True(tags?.Contains(expected, StringComparison.Ordinal) == true, $"{resource.Type} is not tagged with the azd tags: {tags}");
        }

        foreach (var module in new[] { "identity", "monitoring", "storage", "app", "bot" })
        {
            Assert.Equal("[variables('tags')]", ArmTemplate.ModuleParameter(template, module, "tags"));
        }
    }

    [BicepFact]
    public async Task Outputs_name_the_bot_endpoint_the_app_id_and_the_web_app_that_the_hooks_read()
    {
        var outputs = (await CompiledInfra.GetAsync()).Template["outputs"]!.AsObject();

        foreach (var name in new[] { "BOT_ENDPOINT", "BOT_APP_ID", "WEB_APP_NAME", "WEB_APP_HOSTNAME" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} is missing");
        }

        Assert.True(ArmTemplate.ReferencesModuleOutput(outputs["BOT_APP_ID"]!["value"]!.GetValue<string>(), "identity", "clientId"));
        Assert.True(ArmTemplate.ReferencesModuleOutput(outputs["BOT_ENDPOINT"]!["value"]!.GetValue<string>(), "bot", "messagingEndpoint"));

        // Every BOT_* / WEB_APP_* value a postprovision hook reads is an output azd stores in the environment.
        foreach (var hook in new[] { "postprovision.sh", "postprovision.ps1" })
        {
            var read = OutputVariable().Matches(Repository.ReadText("infra", "hooks", hook)).Select(m => m.Groups[1].Value).Distinct().ToArray();
            Assert.NotEmpty(read);
            Assert.All(read, name => Assert.True(outputs.ContainsKey(name), $"{hook} reads {name}, which main.bicep does not output"));
        }
    }

    [BicepFact]
    public async Task Parameters_file_fills_environment_name_and_location_from_azd()
    {
        var template = (await CompiledInfra.GetAsync()).Template;
        var parameters = JsonNode.Parse(Repository.ReadText("infra", "main.parameters.json"))!["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", parameters["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", parameters["location"]!["value"]!.GetValue<string>());
        Assert.All(parameters, p => Assert.True(template["parameters"]!.AsObject().ContainsKey(p.Key), $"main.bicep has no parameter {p.Key}"));
    }

    [GeneratedRegex(@"\$(?:env:|\{)?((?:BOT|WEB_APP)_[A-Z_]+)")]
    private static partial Regex OutputVariable();
}
