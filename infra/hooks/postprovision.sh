#!/bin/sh
# azd postprovision hook: builds the Teams app package for the bot azd just provisioned. azd passes the Bicep
# outputs as environment variables (BOT_APP_ID, WEB_APP_HOSTNAME). Set TEAMS_APP_ID (azd env set TEAMS_APP_ID <guid>)
# to give this installation its own Teams app id; otherwise the manifest's id is kept.
set -eu

if [ -z "${BOT_APP_ID:-}" ] || [ -z "${WEB_APP_HOSTNAME:-}" ]; then
  echo "BOT_APP_ID or WEB_APP_HOSTNAME is missing: run 'azd provision' first." >&2
  exit 1
fi

package="manifest/build/GbbTeamsBot-${AZURE_ENV_NAME:-azure}.zip"
set -- --bot-id "$BOT_APP_ID" --valid-domain "$WEB_APP_HOSTNAME" --output "$package"
if [ -n "${TEAMS_APP_ID:-}" ]; then
  set -- "$@" --app-id "$TEAMS_APP_ID"
fi

dotnet run --project tools/GbbTeamsBot.AppPackage -- "$@"

cat <<MESSAGE

Teams app package: $package
Bot messaging endpoint: ${BOT_ENDPOINT:-https://$WEB_APP_HOSTNAME/api/messages}
Next steps (see README, "Deploy to Azure"):
  1. Upload the package: Teams admin center > Teams apps > Manage apps > Upload new app
     (or Teams > Apps > Manage your apps > Upload an app, where custom apps are allowed).
  2. Grant the bot identity (client id $BOT_APP_ID) the Microsoft Graph permissions the README lists.
MESSAGE
