# azd postprovision hook (Windows): builds the Teams app package for the bot azd just provisioned. azd passes the
# Bicep outputs as environment variables (BOT_APP_ID, WEB_APP_HOSTNAME). Set TEAMS_APP_ID
# (azd env set TEAMS_APP_ID <guid>) to give this installation its own Teams app id; otherwise the manifest's id is kept.
$ErrorActionPreference = 'Stop'

if (-not $env:BOT_APP_ID -or -not $env:WEB_APP_HOSTNAME) {
    Write-Error "BOT_APP_ID or WEB_APP_HOSTNAME is missing: run 'azd provision' first."
    exit 1
}

$environmentName = if ($env:AZURE_ENV_NAME) { $env:AZURE_ENV_NAME } else { 'azure' }
$package = "manifest/build/GbbTeamsBot-$environmentName.zip"
$packageArguments = @('--bot-id', $env:BOT_APP_ID, '--valid-domain', $env:WEB_APP_HOSTNAME, '--output', $package)
if ($env:TEAMS_APP_ID) {
    $packageArguments += @('--app-id', $env:TEAMS_APP_ID)
}

dotnet run --project tools/GbbTeamsBot.AppPackage -- @packageArguments
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$endpoint = if ($env:BOT_ENDPOINT) { $env:BOT_ENDPOINT } else { "https://$($env:WEB_APP_HOSTNAME)/api/messages" }
Write-Host ""
Write-Host "Teams app package: $package"
Write-Host "Bot messaging endpoint: $endpoint"
Write-Host "Next steps (see README, 'Deploy to Azure'):"
Write-Host "  1. Upload the package: Teams admin center > Teams apps > Manage apps > Upload new app"
Write-Host "     (or Teams > Apps > Manage your apps > Upload an app, where custom apps are allowed)."
Write-Host "  2. Grant the bot identity (client id $($env:BOT_APP_ID)) the Microsoft Graph permissions the README lists."
