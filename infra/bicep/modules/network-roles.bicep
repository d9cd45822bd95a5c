// Deployed only when Azure__SubnetId points at a virtual network in a group the app does not manage: creating a
// NIC in that subnet needs Microsoft.Network/virtualNetworks/subnets/join/action on the VNet (otherwise ARM
// answers LinkedAuthorizationFailed). Network Contributor is the built-in role that carries it.
param principalId string

var networkContributor = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4d97b98b-1d4f-4787-a291-c67834d212e7'
)

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, networkContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: networkContributor
  }
}
