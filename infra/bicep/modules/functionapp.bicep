// The Function App on Flex Consumption (FC1, Linux, dotnet-isolated) running as the user-assigned identity.
// Every app setting the app reads is listed here by name (infra/app-settings.json holds the same list; a test
// compares them). Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION: the runtime
// lives in functionAppConfig.runtime instead.
param name string
param planName string
param location string
param tags object = {}
param serviceName string

param identityId string
param identityClientId string

param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerUrl string

param applicationInsightsConnectionString string

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100
@description('Always-ready instances for the Durable trigger group (0 = scale from zero).')
@minValue(0)
param durableAlwaysReadyInstances int = 0

// The app's own settings (see docs/deploy.md).
param vmSubscriptionId string
param vmResourceGroupName string
@description('Every managed resource group, comma-separated (Azure__ManagedResourceGroups): adopt accepts VMs only there.')
param managedResourceGroups string
@description('Key Vault secret URI of the continuation-token key (Storage__ContinuationTokenKey, as a Key Vault reference).')
param continuationTokenKeyUri string
param vmLocation string
param subnetId string
param stopMode string
param forceDelete bool
param vmAdminUsername string
param vmSshPublicKey string
param powerSyncSchedule string
param powerSyncMismatchPasses int
param powerSyncHealPolicy string
param softDeleteRetention string
param taskDefaultDeadline string
param taskHubName string
param otlpEndpoint string

// Microsoft Entra ID sign-in (App Service Authentication); an empty client id leaves it off (automation keys only).
@description('Client id of the app registration callers sign in to. Empty: no Entra ID sign-in.')
param authClientId string
@description('OpenID issuer of the tenant, e.g. https://login.microsoftonline.com/<tenant>/v2.0.')
param authOpenIdIssuer string
@description('Audiences a bearer token may carry.')
param authAllowedAudiences array
@description('The Event Grid topic every event is published to (Events__EventGrid__Endpoint).')
param eventGridTopicEndpoint string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved as this identity (the app has no system-assigned one).
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: durableAlwaysReadyInstances > 0
          ? [
              {
                name: 'durable'
                instanceCount: durableAlwaysReadyInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Functions host and Durable Task hub storage, identity-based.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: blobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: queueEndpoint }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: tableEndpoint }
        // Telemetry, Entra ID only (the component has local auth disabled).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identityClientId}' }
        // DefaultAzureCredential picks the user-assigned identity by this client id.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        // The app: Azure Resource Manager driver, VM table, power sync and tasks.
        { name: 'Driver', value: 'azure' }
        { name: 'Storage__TableServiceUri', value: tableEndpoint }
        { name: 'Storage__ContinuationTokenKey', value: '@Microsoft.KeyVault(SecretUri=${continuationTokenKeyUri})' }
        { name: 'Azure__SubscriptionId', value: vmSubscriptionId }
        { name: 'Azure__ResourceGroup', value: vmResourceGroupName }
        { name: 'Azure__ManagedResourceGroups', value: managedResourceGroups }
        { name: 'Azure__Location', value: vmLocation }
        { name: 'Azure__SubnetId', value: subnetId }
        { name: 'Azure__StopMode', value: stopMode }
        { name: 'Azure__ForceDelete', value: toLower(string(forceDelete)) }
        { name: 'Azure__AdminUsername', value: vmAdminUsername }
        { name: 'Azure__SshPublicKey', value: vmSshPublicKey }
        { name: 'PowerSync__Schedule', value: powerSyncSchedule }
        { name: 'PowerSync__MismatchPasses', value: string(powerSyncMismatchPasses) }
        { name: 'PowerSync__HealPolicy', value: powerSyncHealPolicy }
        { name: 'PowerSync__SoftDeleteRetention', value: softDeleteRetention }
        { name: 'Tasks__DefaultDeadline', value: taskDefaultDeadline }
        { name: 'DurableTask__HubName', value: taskHubName }
        { name: 'Telemetry__OtlpEndpoint', value: otlpEndpoint }
        // Events: published to the topic as the app's identity ("EventGrid Data Sender" on it, no key).
        { name: 'Events__EventGrid__Endpoint', value: eventGridTopicEndpoint }
      ]
    }
  }
}

// App Service Authentication with Microsoft Entra ID. Unauthenticated requests still reach the app
// (AllowAnonymous): the app answers 401/403 itself, from the client principal the platform passes in
// X-MS-CLIENT-PRINCIPAL (trusted only while WEBSITE_AUTH_ENABLED is True, which this turns on) or from an
// automation key. No client secret: the API takes bearer tokens; the app roles come from the registration.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: authOpenIdIssuer
        }
        validation: {
          allowedAudiences: authAllowedAudiences
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// No publishing with user/password credentials: deployments go through Entra ID (azd, az, func).
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
