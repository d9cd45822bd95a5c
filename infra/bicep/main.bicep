// VmControl in Azure: one resource group with the Function App (Flex Consumption), its storage, identity and
// monitoring, plus role assignments on the resource group(s) whose VMs the app manages.
// Subscription scope (as the azd quickstarts): the deployment creates the app's resource group and can grant
// roles on other groups of the subscription. Deploy with `azd up`, `az deployment sub create`, or the portal.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Environment name: names the resource group (rg-<name>) and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Region of the app\'s resources.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional: object id of the deploying user; gets blob, queue and table data roles on the storage account (to inspect the task hub and VM table). Empty to skip.')
param principalId string = ''

@allowed(['User', 'Group', 'ServicePrincipal'])
@description('Kind of principal principalId is.')
param principalType string = 'User'

@description('Name of the app\'s resource group. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

@minLength(1)
@description('Existing resource groups (same subscription) whose VMs the app manages, named explicitly (the app\'s own group is not assumed); the first is Azure__ResourceGroup, where new VMs go. The app gets VM roles on each and may adopt VMs only there.')
param managedResourceGroupNames array

@description('Region for new VMs (Azure__Location). Empty: the app\'s region.')
param vmLocation string = ''

@description('Resource id of the subnet new VMs join (Azure__SubnetId). If its VNet is in a group the app does not manage, the app gets a custom join-only role on that subnet alone.')
param subnetId string = ''

@allowed(['deallocate', 'powerOff'])
@description('How stop is carried out (Azure__StopMode): deallocate (not billed) or powerOff (billed, faster start).')
param stopMode string = 'deallocate'

@description('Azure__ForceDelete: delete VMs with forceDeletion.')
param forceDelete bool = false

@description('Admin user name of VMs the Azure driver creates from an image (SSH key login only).')
param vmAdminUsername string = 'azureuser'

@description('SSH public key installed on VMs the Azure driver creates from an image; empty: create works only by adopting an existing VM (resourceId).')
param vmSshPublicKey string = ''

@description('NCRONTAB schedule of the power sync timer (PowerSync__Schedule).')
param powerSyncSchedule string = '0 */1 * * * *'

@minValue(1)
@description('Consecutive sync passes a power mismatch must persist before it is acted on (PowerSync__MismatchPasses).')
param powerSyncMismatchPasses int = 2

@description('What a persistent mismatch does (PowerSync__HealPolicy), e.g. alert.')
param powerSyncHealPolicy string = 'alert'

@description('How long soft-deleted VMs are kept (PowerSync__SoftDeleteRetention, a .NET TimeSpan).')
param softDeleteRetention string = '7.00:00:00'

@description('Default deadline of a task (Tasks__DefaultDeadline, a .NET TimeSpan).')
param taskDefaultDeadline string = '00:10:00'

@description('Durable Task hub name (DurableTask__HubName).')
param taskHubName string = 'VmControl'

@description('OTLP collector the app also exports its OpenTelemetry traces and metrics to (Telemetry__OtlpEndpoint, docs/telemetry.md). Empty: Application Insights only.')
param otlpEndpoint string = ''

@allowed([512, 2048, 4096])
@description('Flex Consumption instance memory.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Flex Consumption maximum instance count.')
param maximumInstanceCount int = 100

@minValue(0)
@description('Always-ready instances for the Durable trigger group (0 = scale from zero; 1 is recommended for steady latency).')
param durableAlwaysReadyInstances int = 0

@secure()
@description('The continuation-token signing key put in Key Vault (Storage__ContinuationTokenKey). Default: a new random value each deployment, which only ends the paging of lists in flight.')
param continuationTokenKey string = newGuid()

@description('Client id of the Microsoft Entra app registration callers sign in to (App Service Authentication; app roles VmControl.Reader/Operator/Admin, see docs/deploy-entra.md). Empty: no Entra ID sign-in, automation keys only.')
param authClientId string = ''

@description('OpenID issuer of the app registration\'s tenant. Empty: this deployment\'s tenant (<login endpoint>/<tenant id>/v2.0).')
param authOpenIdIssuer string = ''

@description('Audiences a bearer token may carry. Empty: api://<authClientId> and the client id itself.')
param authAllowedAudiences array = []

var abbrs = {
  resourceGroup: 'rg-'
  storage: 'st'
  functionApp: 'func-'
  plan: 'plan-'
  identity: 'id-'
  logAnalytics: 'log-'
  applicationInsights: 'appi-'
  keyVault: 'kv-'
  eventGridTopic: 'evgt-'
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var serviceName = 'api'
var appResourceGroupName = empty(resourceGroupName) ? '${abbrs.resourceGroup}${environmentName}' : resourceGroupName
var functionAppName = '${abbrs.functionApp}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
// Without a subnet the app's own group stands in, so the split and the module's scope stay valid (it is skipped).
var subnetIdParts = split(
  empty(subnetId) ? '/subscriptions/${subscription().subscriptionId}/resourceGroups/${appResourceGroupName}' : subnetId,
  '/'
)
var subnetSubscriptionId = subnetIdParts[2]
var subnetResourceGroupName = subnetIdParts[4]
var subnetVirtualNetworkName = empty(subnetId) ? 'none' : subnetIdParts[8]
var subnetName = empty(subnetId) ? 'none' : subnetIdParts[10]
var effectiveAuthIssuer = empty(authOpenIdIssuer)
  ? '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
  : authOpenIdIssuer
var effectiveAuthAudiences = empty(authAllowedAudiences) ? ['api://${authClientId}', authClientId] : authAllowedAudiences
var subnetNeedsNetworkRole = !empty(subnetId) && (subnetSubscriptionId != subscription().subscriptionId || !contains(
  managedResourceGroupNames,
  subnetResourceGroupName
))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: appResourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.identity}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storage}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.logAnalytics}${resourceToken}'
    applicationInsightsName: '${abbrs.applicationInsights}${resourceToken}'
    location: location
    tags: tags
  }
}

module appStorageRoles 'modules/storage-roles.bicep' = {
  name: 'storage-roles-app'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
  }
}

module deployerStorageRoles 'modules/storage-roles.bicep' = if (!empty(principalId)) {
  name: 'storage-roles-deployer'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    principalId: principalId
    principalType: principalType
  }
}

module monitoringRoles 'modules/monitoring-roles.bicep' = {
  name: 'monitoring-roles'
  scope: rg
  params: {
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
  }
}

module managedGroupRoles 'modules/managed-rg-roles.bicep' = [
  for (groupName, i) in managedResourceGroupNames: {
    name: 'vm-roles-${i}'
    scope: resourceGroup(groupName)
    params: {
      principalId: identity.outputs.principalId
    }
  }
]

module subnetJoinRole 'modules/subnet-join-role.bicep' = if (subnetNeedsNetworkRole) {
  name: 'subnet-join-role'
  scope: subscription(subnetSubscriptionId)
  params: {
    subnetResourceGroupName: subnetResourceGroupName
    environmentName: environmentName
  }
}

module subnetJoinAssignment 'modules/subnet-join-assignment.bicep' = if (subnetNeedsNetworkRole) {
  name: 'subnet-join-assignment'
  scope: resourceGroup(subnetSubscriptionId, subnetResourceGroupName)
  params: {
    principalId: identity.outputs.principalId
    virtualNetworkName: subnetVirtualNetworkName
    subnetName: subnetName
    roleDefinitionId: subnetJoinRole!.outputs.roleDefinitionId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVault}${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    continuationTokenKey: continuationTokenKey
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    name: '${abbrs.eventGridTopic}${resourceToken}'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.plan}${resourceToken}'
    location: location
    tags: tags
    serviceName: serviceName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    durableAlwaysReadyInstances: durableAlwaysReadyInstances
    vmSubscriptionId: subscription().subscriptionId
    vmResourceGroupName: managedResourceGroupNames[0]
    managedResourceGroups: join(managedResourceGroupNames, ',')
    continuationTokenKeyUri: keyVault.outputs.continuationTokenKeyUri
    vmLocation: empty(vmLocation) ? location : vmLocation
    subnetId: subnetId
    stopMode: stopMode
    forceDelete: forceDelete
    vmAdminUsername: vmAdminUsername
    vmSshPublicKey: vmSshPublicKey
    powerSyncSchedule: powerSyncSchedule
    powerSyncMismatchPasses: powerSyncMismatchPasses
    powerSyncHealPolicy: powerSyncHealPolicy
    softDeleteRetention: softDeleteRetention
    taskDefaultDeadline: taskDefaultDeadline
    taskHubName: taskHubName
    otlpEndpoint: otlpEndpoint
    authClientId: authClientId
    authOpenIdIssuer: effectiveAuthIssuer
    authAllowedAudiences: effectiveAuthAudiences
    eventGridTopicEndpoint: eventGrid.outputs.endpoint
  }
  // The host reaches storage with its identity from the first start: grant the roles before the app exists.
  dependsOn: [
    appStorageRoles
    monitoringRoles
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output SERVICE_API_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_MANAGED_RESOURCE_GROUPS array = managedResourceGroupNames
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_EVENT_GRID_TOPIC_ID string = eventGrid.outputs.id
output AZURE_EVENT_GRID_TOPIC_ENDPOINT string = eventGrid.outputs.endpoint
