// The Event Grid custom topic every VmControl event is published to (docs/events.md). CloudEvents 1.0 in, no access
// keys (disableLocalAuth): the app's identity publishes with "EventGrid Data Sender" on this topic only. Event
// subscriptions are the user's to add (az eventgrid event-subscription create, see docs/events.md).
param name string
param location string
param tags object = {}
param principalId string

// Built-in "EventGrid Data Sender": may publish events to the topic, nothing else.
var eventGridDataSender = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'd5a91429-5739-47e2-a06b-3470a27159e7'
)

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(topic.id, principalId, eventGridDataSender)
  scope: topic
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: eventGridDataSender
  }
}

output id string = topic.id
output name string = topic.name
output endpoint string = topic.properties.endpoint
