// GbbTeamsBot in the customer's own subscription, for `azd up`: one resource group with the bot's managed identity,
// Table storage (Entra ID only), the Linux web app, the Azure Bot with the Teams channel, and monitoring.
// No secret is created or stored anywhere: the identity signs in to storage and to the Bot Framework.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and is tagged on every resource.')
param environmentName string

@minLength(1)
@description('Azure region for everything except the bot registration (which is always global).')
param location string

@description('App Service plan SKU. B1 is the smallest with Always On, health check and scale-out (up to 3 instances).')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'P0v3', 'P1v3'])
param appServicePlanSku string = 'B1'

@description('Web app instances. Two or more are safe: deadlines are claimed in storage, so no instance fires one twice.')
@minValue(1)
@maxValue(3)
param instanceCount int = 1

@description('Storage redundancy. Standard_ZRS keeps case data in three zones of the region.')
@allowed(['Standard_LRS', 'Standard_ZRS'])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics keeps telemetry (ids and kinds only, never case content).')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var tags = { 'azd-env-name': environmentName }
// Globally unique names that stay the same for one environment, so `azd up` can be repeated.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-gbb-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-gbb-${resourceToken}'
    applicationInsightsName: 'appi-gbb-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'stgbb${resourceToken}'
    location: location
    tags: tags
    skuName: storageSku
    tableDataContributorPrincipalId: identity.outputs.principalId
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  scope: resourceGroup
  params: {
    planName: 'plan-gbb-${resourceToken}'
    webAppName: 'app-gbb-${resourceToken}'
    location: location
    tags: tags
    skuName: appServicePlanSku
    instanceCount: instanceCount
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    tenantId: tenant().tenantId
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  scope: resourceGroup
  params: {
    name: 'bot-gbb-${resourceToken}'
    displayName: 'GbbTeamsBot'
    tags: tags
    messagingEndpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    tenantId: tenant().tenantId
  }
}

// azd stores outputs as environment values; the postprovision hook reads BOT_APP_ID and WEB_APP_HOSTNAME.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output BOT_ENDPOINT string = bot.outputs.messagingEndpoint
output BOT_APP_ID string = identity.outputs.clientId
output BOT_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output WEB_APP_NAME string = app.outputs.webAppName
output WEB_APP_HOSTNAME string = app.outputs.defaultHostName
