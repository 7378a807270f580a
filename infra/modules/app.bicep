// Linux App Service plan + the bot's web app on .NET 10. Every app setting below is a key the host binds (the infra
// tests compare them with the options classes), so a renamed option cannot silently drop out of the deployment.
param planName string
param webAppName string
param location string
param tags object
param skuName string
param instanceCount int
param identityResourceId string
param identityClientId string
param tenantId string
param tableEndpoint string
param applicationInsightsConnectionString string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  // azd deploys the service "bot" of azure.yaml to the resource with this tag.
  tags: union(tags, { 'azd-service-name': 'bot' })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Requests of one conversation may land on any instance: state is in storage, not in the instance.
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // The platform takes an instance out of the load balancer while Table storage does not answer there.
      healthCheckPath: '/readyz'
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    Bot__AppId: identityClientId
    Bot__TenantId: tenantId
    Bot__Credential__Type: 'ManagedIdentity'
    Storage__TableEndpoint: tableEndpoint
    Storage__ManagedIdentityClientId: identityClientId
    Teams__PublicBaseUrl: 'https://${webApp.properties.defaultHostName}'
    // Azure.Identity's own variable: any DefaultAzureCredential in the process picks the bot's identity too.
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  }
}

// FTP is off twice: no FTPS endpoint above and no FTP basic-auth credentials here.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

output webAppName string = webApp.name
output defaultHostName string = webApp.properties.defaultHostName
