using System.Text.Json.Nodes;

namespace VmControl.Infra.Tests;

/// <summary>
/// The template's least-privilege and sign-in shape: managed groups named explicitly, subnet join by a join-only role
/// on the subnet itself, the continuation-token key from Key Vault, and App Service Authentication with Entra ID.
/// </summary>
public sealed class HardeningTemplateTests
{
    private const string NetworkContributor = "4d97b98b-1d4f-4787-a291-c67834d212e7";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private static readonly ArmTemplate Template = ArmTemplate.Load(Repo.AzureDeployJson);

    [Fact]
    public void ManagedResourceGroupNames_IsRequired_WithNoDefault()
    {
        var parameter = Template.Root["parameters"]?["managedResourceGroupNames"];

        Assert.NotNull(parameter);
        Assert.Null(parameter["defaultValue"]);
        Assert.Equal(1, (int?)parameter["minLength"]);
    }

    [Fact]
    public void AppSetting_ManagedResourceGroups_IsEveryManagedGroup()
    {
        Assert.Contains("join(parameters('managedResourceGroupNames'), ',')", Template.Text, StringComparison.Ordinal);
        Assert.Equal("[parameters('managedResourceGroups')]", AppSetting("Azure__ManagedResourceGroups"));
    }

    [Fact]
    public void Template_NeverGrantsNetworkContributor()
    {
        Assert.DoesNotContain(NetworkContributor, Template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SubnetJoin_IsACustomRoleWithOnlyJoinAndRead_AssignedOnTheSubnet()
    {
        var role = Assert.Single(Template.OfType("Microsoft.Authorization/roleDefinitions"));
        var permissions = Assert.Single(role["properties"]!["permissions"]!.AsArray());
        var actions = permissions!["actions"]!.AsArray().Select(a => (string?)a).Order(StringComparer.Ordinal);
        Assert.Equal(["Microsoft.Network/virtualNetworks/subnets/join/action", "Microsoft.Network/virtualNetworks/subnets/read"], actions);
        Assert.Empty(permissions["notActions"]!.AsArray());
        Assert.Equal("CustomRole", (string?)role["properties"]!["type"]);

        var onSubnet = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => ((string?)a["scope"] ?? string.Empty).Contains("Microsoft.Network/virtualNetworks/subnets'", StringComparison.Ordinal))
            .ToList();
        Assert.Single(onSubnet);
    }

    [Fact]
    public void KeyVault_IsRbacOnly_AndTheAppMayOnlyReadSecrets()
    {
        var vault = Assert.Single(Template.OfType("Microsoft.KeyVault/vaults"));
        Assert.True((bool?)vault["properties"]?["enableRbacAuthorization"], "enableRbacAuthorization must be true");
        Assert.Null(vault["properties"]?["accessPolicies"]);

        var assignment = Assert.Single(
            Template.OfType("Microsoft.Authorization/roleAssignments"),
            a => ((string?)a["properties"]?["roleDefinitionId"] ?? string.Empty).Contains(KeyVaultSecretsUser, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Microsoft.KeyVault/vaults", (string?)assignment["scope"], StringComparison.Ordinal);
        Assert.Single(Template.OfType("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public void ContinuationTokenKey_IsAKeyVaultReference_ResolvedAsTheAppsIdentity()
    {
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})'", AppSetting("Storage__ContinuationTokenKey"), StringComparison.Ordinal);

        var site = Assert.Single(Template.OfType("Microsoft.Web/sites"));
        Assert.Equal("[parameters('identityId')]", (string?)site["properties"]?["keyVaultReferenceIdentity"]);

        var key = Template.Root["parameters"]?["continuationTokenKey"];
        Assert.Equal("securestring", (string?)key?["type"]);
    }

    [Fact]
    public void AuthSettings_EntraId_LetUnauthenticatedRequestsReachTheApp()
    {
        var auth = Assert.Single(Template.OfType("Microsoft.Web/sites/config"), c => ((string?)c["name"] ?? string.Empty).Contains("authsettingsV2", StringComparison.Ordinal));
        var properties = auth["properties"]!;

        Assert.Equal("[not(empty(parameters('authClientId')))]", (string?)auth["condition"]);
        Assert.True((bool?)properties["platform"]?["enabled"]);
        Assert.False((bool?)properties["globalValidation"]?["requireAuthentication"]);
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]?["unauthenticatedClientAction"]);
        Assert.True((bool?)properties["httpSettings"]?["requireHttps"]);
        var entra = properties["identityProviders"]?["azureActiveDirectory"];
        Assert.True((bool?)entra?["enabled"]);
        Assert.Equal("[parameters('authClientId')]", (string?)entra?["registration"]?["clientId"]);
        Assert.Equal("[parameters('authOpenIdIssuer')]", (string?)entra?["registration"]?["openIdIssuer"]);
        Assert.Equal("[parameters('authAllowedAudiences')]", (string?)entra?["validation"]?["allowedAudiences"]);
    }

    [Fact]
    public void EntraAppRoles_AreTheThreeRolesWithFixedIds()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "infra", "entra-app-roles.json")))!.AsArray();

        Assert.Equal(
            ["VmControl.Admin", "VmControl.Operator", "VmControl.Reader"],
            roles.Select(r => (string?)r!["value"]).Order(StringComparer.Ordinal));
        Assert.Equal(3, roles.Select(r => Guid.Parse((string)r!["id"]!)).Distinct().Count());
        Assert.All(roles, r => Assert.True((bool?)r!["isEnabled"]));
        Assert.All(roles, r => Assert.Contains("Application", r!["allowedMemberTypes"]!.AsArray().Select(t => (string?)t)));
    }

    private static string? AppSetting(string name)
    {
        var site = Assert.Single(Template.OfType("Microsoft.Web/sites"));
        var settings = site["properties"]!["siteConfig"]!["appSettings"]!.AsArray();
        return (string?)settings.Single(s => (string?)s!["name"] == name)!["value"];
    }
}
