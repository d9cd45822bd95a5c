// The app's Key Vault: RBAC only (no access policies), holding the continuation-token key the app reads through a
// Key Vault reference (Storage__ContinuationTokenKey). The app's identity may read secrets, nothing more.
param name string
param location string
param tags object = {}
param principalId string
@secure()
param continuationTokenKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'continuation-token-key'
  properties: {
    value: continuationTokenKey
    contentType: 'text/plain'
  }
}

// Key Vault Secrets User: read secret values, nothing else.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

output name string = vault.name
// Without a version: the reference follows the secret's latest version.
output continuationTokenKeyUri string = '${vault.properties.vaultUri}secrets/${secret.name}'
