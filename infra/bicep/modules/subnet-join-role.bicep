// A custom role carrying only what creating a NIC in someone else's subnet needs: subnets/join/action (ARM answers
// LinkedAuthorizationFailed without it) and reading the subnet. Deployed at the subnet's subscription; assignable
// only in the subnet's resource group, and assigned (subnet-join-assignment.bicep) on the subnet alone, so the app
// gets no say over the rest of that network.
targetScope = 'subscription'

param subnetResourceGroupName string
param environmentName string

var assignableScope = '/subscriptions/${subscription().subscriptionId}/resourceGroups/${subnetResourceGroupName}'

resource role 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, assignableScope, 'vmcontrol-subnet-join', environmentName)
  properties: {
    roleName: 'VmControl subnet join (${environmentName})'
    description: 'Join network interfaces to a subnet (Microsoft.Network/virtualNetworks/subnets/join/action) and read it; nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Network/virtualNetworks/subnets/join/action'
          'Microsoft.Network/virtualNetworks/subnets/read'
        ]
        notActions: []
      }
    ]
    assignableScopes: [
      assignableScope
    ]
  }
}

output roleDefinitionId string = role.id
