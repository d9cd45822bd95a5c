using System.Text.Json.Nodes;

namespace VmControl.Infra.Tests;

/// <summary>
/// The Event Grid part of the template (docs/events.md): a CloudEvents topic with access keys off, the app's identity
/// allowed to send to it and only that, and the app told where it is.
/// </summary>
public sealed class EventGridTemplateTests
{
    private const string EventGridDataSender = "d5a91429-5739-47e2-a06b-3470a27159e7";

    private static readonly ArmTemplate Template = ArmTemplate.Load(Repo.AzureDeployJson);

    [Fact]
    public void Topic_TakesCloudEvents_AndHasNoAccessKeys()
    {
        var topic = Assert.Single(Template.OfType("Microsoft.EventGrid/topics"));

        Assert.Equal("CloudEventSchemaV1_0", (string?)topic["properties"]?["inputSchema"]);
        Assert.True((bool?)topic["properties"]?["disableLocalAuth"], "disableLocalAuth must be true");
    }

    [Fact]
    public void AppIdentity_IsEventGridDataSender_OnTheTopic()
    {
        // The module names the role by a variable holding its built-in id; the id itself is in the template once.
        var assignment = Assert.Single(
            Template.OfType("Microsoft.Authorization/roleAssignments"),
            a => ((string?)a["scope"] ?? string.Empty).Contains("Microsoft.EventGrid/topics", StringComparison.Ordinal));

        Assert.Contains("eventGridDataSender", (string?)assignment["properties"]?["roleDefinitionId"] ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains($"'{EventGridDataSender}'", Template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]?["principalType"]);
    }

    [Fact]
    public void AppSetting_EventGridEndpoint_IsTheTopicsEndpoint_AndAnOutputNamesIt()
    {
        var site = Assert.Single(Template.OfType("Microsoft.Web/sites"));
        var settings = (JsonArray)site["properties"]!["siteConfig"]!["appSettings"]!;
        var endpoint = settings.Single(s => (string?)s!["name"] == "Events__EventGrid__Endpoint")!;

        Assert.Equal("[parameters('eventGridTopicEndpoint')]", (string?)endpoint["value"]);
        Assert.Contains("eventgrid", Template.Root["outputs"]?["AZURE_EVENT_GRID_TOPIC_ENDPOINT"]?["value"]?.ToString() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }
}
