// Deployed once per resource group whose VMs the app manages (targetScope: that group).
// Virtual Machine Contributor: VM create/start/stop/deallocate/restart/resize/reimage/redeploy/delete, managed
//   disks, network interfaces (Microsoft.Network/networkInterfaces/*) and joining a subnet, NSG or public IP
//   (…/join/action), so a VM whose NIC and VNet live in this group needs nothing more here.
// Disk Snapshot Contributor: OS-disk snapshots (Microsoft.Compute/snapshots/*), which VM Contributor lacks.
param principalId string

var roleIds = [
  '9980e02c-c2be-4d73-94e8-173b1dc7cf3c' // Virtual Machine Contributor
  '7efff54f-a5b4-42b5-a1c5-5411624893ce' // Disk Snapshot Contributor
]

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in roleIds: {
    name: guid(resourceGroup().id, principalId, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId))
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]
