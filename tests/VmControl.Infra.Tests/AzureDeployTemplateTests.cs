using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmControl.Infra.Tests;

/// <summary>What the committed ARM template (infra/azuredeploy.json, compiled from infra/bicep/main.bicep) deploys.</summary>
public sealed class AzureDeployTemplateTests
{
    private static readonly ArmTemplate Template = ArmTemplate.Load(Repo.AzureDeployJson);

    [Theory]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessKey=")]
    [InlineData("SharedAccessSignature=")]
    [InlineData("InstrumentationKey=")]
    [InlineData("APPINSIGHTS_INSTRUMENTATIONKEY")]
    [InlineData("DefaultEndpointsProtocol=")]
    public void Template_NowhereUsesAKeyOrKeyedConnectionString(string forbidden)
    {
        Assert.DoesNotContain(forbidden, Template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void StorageAccount_DisablesSharedKeyAndPublicBlobAccess_AndRequiresHttpsWithTls12()
    {
        var storage = Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts"));
        var properties = storage["properties"]!;

        Assert.False((bool?)properties["allowSharedKeyAccess"] ?? true, "allowSharedKeyAccess must be false");
        Assert.False((bool?)properties["allowBlobPublicAccess"] ?? true, "allowBlobPublicAccess must be false");
        Assert.True((bool?)properties["supportsHttpsTrafficOnly"], "supportsHttpsTrafficOnly must be true");
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public void FunctionApp_IsHttpsOnlyFlexConsumptionDotnetIsolated()
    {
        var site = Assert.Single(Template.OfType("Microsoft.Web/sites"));
        var properties = site["properties"]!;

        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.True((bool?)properties["httpsOnly"], "httpsOnly must be true");
        Assert.Equal("dotnet-isolated", (string?)properties["functionAppConfig"]?["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)properties["functionAppConfig"]?["runtime"]?["version"]);
        Assert.Equal("UserAssignedIdentity",
            (string?)properties["functionAppConfig"]?["deployment"]?["storage"]?["authentication"]?["type"]);

        var plan = Assert.Single(Template.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
    }

    [Fact]
    public void RoleAssignments_AreAllNamedWithGuid()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
            Assert.StartsWith("[guid(", (string?)a["name"] ?? "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    [InlineData("9980e02c-c2be-4d73-94e8-173b1dc7cf3c", "Virtual Machine Contributor")]
    [InlineData("7efff54f-a5b4-42b5-a1c5-5411624893ce", "Disk Snapshot Contributor")]
    [InlineData("d5a91429-5739-47e2-a06b-3470a27159e7", "EventGrid Data Sender")]
    public void Template_GrantsTheAppIdentity_Role(string roleDefinitionId, string roleName)
    {
        Assert.True(Template.Text.Contains(roleDefinitionId, StringComparison.OrdinalIgnoreCase),
            $"{roleName} ({roleDefinitionId}) is not assigned anywhere in the template");
    }

    [Fact]
    public void AppSettings_NamesEqualTheListInAppSettingsJson()
    {
        var expected = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Repo.AppSettingsJson))!;

        var actual = AppSettings().Select(s => s.Name).ToList();

        Assert.Equal(actual.Count, actual.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Driver", "azure")]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("Azure__StopMode", "[parameters('stopMode')]")]
    [InlineData("DurableTask__HubName", "[parameters('taskHubName')]")]
    [InlineData("Telemetry__OtlpEndpoint", "[parameters('otlpEndpoint')]")]
    public void AppSetting_HasValue(string name, string value)
    {
        Assert.Equal(value, AppSettings().Single(s => s.Name == name).Value);
    }

    [Fact]
    public void AppSettings_LeaveTheRuntimeToFunctionAppConfig()
    {
        // Flex Consumption rejects these two settings; functionAppConfig.runtime replaces them.
        var names = AppSettings().Select(s => s.Name).ToList();

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", names);
        Assert.DoesNotContain("AzureWebJobsStorage", names);
    }

    [Fact]
    public void ApplicationInsights_AcceptsOnlyEntraIdTelemetry()
    {
        var component = Assert.Single(Template.OfType("Microsoft.Insights/components"));

        Assert.True((bool?)component["properties"]?["DisableLocalAuth"], "DisableLocalAuth must be true");
        Assert.False(string.IsNullOrEmpty((string?)component["properties"]?["WorkspaceResourceId"]));
    }

    private static IEnumerable<(string Name, string? Value)> AppSettings()
    {
        var site = Assert.Single(Template.OfType("Microsoft.Web/sites"));
        var settings = site["properties"]?["siteConfig"]?["appSettings"] as JsonArray;
        Assert.NotNull(settings);
        return settings.Select(s => ((string)s!["name"]!, (string?)s["value"]));
    }
}
