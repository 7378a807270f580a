// The bot's one identity: it is the bot's Microsoft App ID (msaAppType UserAssignedMSI), signs in to Table storage
// and, once an administrator grants the app roles, to Microsoft Graph. There is no client secret to leak or rotate.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output resourceId string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
