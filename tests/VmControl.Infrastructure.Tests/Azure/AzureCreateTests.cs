using System.Text.Json.Nodes;
using VmControl.Application.Ports;
using VmControl.Domain;
using VmControl.Infrastructure.Azure;

namespace VmControl.Infrastructure.Tests.Azure;

/// <summary>Create from an image: one VM PUT carrying an Azure-managed NIC (networkApiVersion 2020-11-01).</summary>
public sealed class AzureCreateTests
{
    private const string Subnet = "/subscriptions/" + FakeArm.Subscription + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default";
    private const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests vmcontrol@test";

    [Fact]
    public async Task Create_from_a_marketplace_image_puts_one_vm_with_a_managed_nic_and_polls_to_running()
    {
        await using var context = await StartConfiguredAsync();

        var operation = await context.Driver.BeginAsync(Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest", ("team", "blue")));
        var first = await context.Driver.PollAsync(operation);
        var second = await context.Driver.PollAsync(operation);

        Assert.Equal(FakeArm.VmId("web-1"), operation.ExternalId);
        var put = Assert.Single(context.Arm.Requests, r => r.Method == "PUT");
        Assert.Equal($"/subscriptions/{FakeArm.Subscription}/resourceGroups/{FakeArm.Group}/providers/Microsoft.Compute/virtualMachines/web-1", put.Path);
        Assert.Equal("2023-07-01", put.ApiVersion);
        var body = JsonNode.Parse(put.Body)!;
        var properties = body["properties"]!;
        Assert.Equal("westeurope", body["location"]!.GetValue<string>());
        Assert.Equal("Standard_B2s", properties["hardwareProfile"]!["vmSize"]!.GetValue<string>());
        var image = properties["storageProfile"]!["imageReference"]!;
        Assert.Equal(
            ["Canonical", "ubuntu-24_04-lts", "server", "latest"],
            new[] { "publisher", "offer", "sku", "version" }.Select(k => image[k]!.GetValue<string>()));
        Assert.Equal("FromImage", properties["storageProfile"]!["osDisk"]!["createOption"]!.GetValue<string>());
        Assert.Equal("Delete", properties["storageProfile"]!["osDisk"]!["deleteOption"]!.GetValue<string>());
        var os = properties["osProfile"]!;
        Assert.Equal("azureuser", os["adminUsername"]!.GetValue<string>());
        Assert.Null(os["adminPassword"]);
        Assert.True(os["linuxConfiguration"]!["disablePasswordAuthentication"]!.GetValue<bool>());
        var key = Assert.Single(os["linuxConfiguration"]!["ssh"]!["publicKeys"]!.AsArray())!;
        Assert.Equal(Key, key["keyData"]!.GetValue<string>());
        Assert.Equal("/home/azureuser/.ssh/authorized_keys", key["path"]!.GetValue<string>());
        var network = properties["networkProfile"]!;
        Assert.Equal("2020-11-01", network["networkApiVersion"]!.GetValue<string>());
        var nic = Assert.Single(network["networkInterfaceConfigurations"]!.AsArray())!;
        Assert.Equal("Delete", nic["properties"]!["deleteOption"]!.GetValue<string>());
        var ip = Assert.Single(nic["properties"]!["ipConfigurations"]!.AsArray())!;
        Assert.Equal(Subnet, ip["properties"]!["subnet"]!["id"]!.GetValue<string>());
        Assert.Equal("vm-1", body["tags"]!["vmcontrol-id"]!.GetValue<string>());
        Assert.Equal("blue", body["tags"]!["team"]!.GetValue<string>());

        Assert.Equal(OperationState.InProgress, first.State);
        Assert.Equal(OperationState.Succeeded, second.State);
        Assert.Equal(PowerState.Running, second.Power!.PowerState);
        Assert.Equal("vm-1", second.Power.VmId);
    }

    [Theory]
    [InlineData("/subscriptions/" + FakeArm.Subscription + "/resourceGroups/images/providers/Microsoft.Compute/images/golden")]
    [InlineData("/subscriptions/" + FakeArm.Subscription + "/resourceGroups/images/providers/Microsoft.Compute/galleries/g1/images/web/versions/1.2.3")]
    public async Task Create_from_an_image_resource_id_references_it_by_id(string imageId)
    {
        await using var context = await StartConfiguredAsync();

        await context.Driver.BeginAsync(Command("web-1", imageId));

        var body = JsonNode.Parse(Assert.Single(context.Arm.Requests, r => r.Method == "PUT").Body)!;
        var image = body["properties"]!["storageProfile"]!["imageReference"]!;
        Assert.Equal(imageId, image["id"]!.GetValue<string>());
        Assert.Null(image["publisher"]);
    }

    [Fact]
    public async Task Create_without_the_ssh_settings_is_not_configured_before_any_request()
    {
        await using var context = await AzureTestContext.StartAsync(o => o.SubnetId = Subnet);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest")));

        Assert.Equal("create_not_configured", error.Error.Code);
        Assert.False(error.Transient);
        Assert.Contains("Azure__AdminUsername", error.Message, StringComparison.Ordinal);
        Assert.Contains("Azure__SshPublicKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Azure__SubnetId", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.Arm.Requests);
    }

    [Fact]
    public async Task A_subnet_setting_that_is_not_a_subnet_is_not_configured()
    {
        await using var context = await StartConfiguredAsync(o => o.SubnetId = FakeArm.VmId("web-9"));

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest")));

        Assert.Equal("create_not_configured", error.Error.Code);
        Assert.Empty(context.Arm.Requests);
    }

    [Theory]
    [InlineData("ubuntu")]
    [InlineData("Canonical:ubuntu-24_04-lts:server")]
    [InlineData("Canonical::server:latest")]
    [InlineData("Canonical:ubuntu 24:server:latest")]
    [InlineData("")]
    [InlineData("/subscriptions/" + FakeArm.Subscription + "/resourceGroups/rg1/providers/Microsoft.Compute/disks/web-1-os")]
    [InlineData("/not/a/resource/id")]
    public async Task A_bad_image_is_refused_before_any_request(string image)
    {
        await using var context = await StartConfiguredAsync();

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(Command("web-1", image)));

        Assert.Equal("invalid_image", error.Error.Code);
        Assert.False(error.Transient);
        Assert.Empty(context.Arm.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("web 1")]
    [InlineData("-web")]
    [InlineData("web.")]
    [InlineData("web-")]
    [InlineData("wéb")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g1234")]
    public async Task A_name_azure_does_not_accept_is_refused_before_any_request(string name)
    {
        await using var context = await StartConfiguredAsync();

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(Command(name, "Canonical:ubuntu-24_04-lts:server:latest")));

        Assert.Equal("invalid_name", error.Error.Code);
        Assert.False(error.Transient);
        Assert.Empty(context.Arm.Requests);
    }

    [Fact]
    public async Task Underscores_stay_in_the_vm_name_but_not_in_the_host_name()
    {
        await using var context = await StartConfiguredAsync();

        await context.Driver.BeginAsync(Command("web_1.prod", "Canonical:ubuntu-24_04-lts:server:latest"));

        var body = JsonNode.Parse(Assert.Single(context.Arm.Requests, r => r.Method == "PUT").Body)!;
        Assert.EndsWith("/virtualMachines/web_1.prod", context.Arm.Requests.Single(r => r.Method == "PUT").Path, StringComparison.Ordinal);
        Assert.Equal("web-1.prod", body["properties"]!["osProfile"]!["computerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_name_taken_by_a_vm_this_one_does_not_own_is_refused_without_a_put()
    {
        await using var context = await StartConfiguredAsync();
        context.Arm.AddVm("web-1").Tags["vmcontrol-id"] = "someone-else";

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest")));

        Assert.Equal("name_taken", error.Error.Code);
        Assert.DoesNotContain(context.Arm.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task A_repeated_create_finds_its_own_vm_and_settles_without_a_second_put()
    {
        await using var context = await StartConfiguredAsync();
        var command = Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest");
        await context.Driver.BeginAsync(command);

        var again = await context.Driver.BeginAsync(command);
        var progress = await context.Driver.PollAsync(again);

        Assert.Single(context.Arm.Requests, r => r.Method == "PUT");
        Assert.Equal(OperationState.Succeeded, progress.State);
        Assert.Equal("vm-1", progress.Power!.VmId);
    }

    [Fact]
    public async Task A_resource_id_still_adopts_even_when_create_is_configured()
    {
        await using var context = await StartConfiguredAsync();
        context.Arm.AddVm("existing");
        var id = FakeArm.VmId("existing");

        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Create, null, ("resourceId", id)));

        Assert.Equal(id, operation.ExternalId);
        Assert.Equal("vm-1", context.Arm.Vms[id].Tags["vmcontrol-id"]);
        Assert.Equal(["GET", "PATCH"], context.Arm.Requests.Select(r => r.Method));
    }

    private static Task<AzureTestContext> StartConfiguredAsync(Action<AzureDriverOptions>? also = null) => AzureTestContext.StartAsync(o =>
    {
        o.SubnetId = Subnet;
        o.AdminUsername = "azureuser";
        o.SshPublicKey = Key;
        also?.Invoke(o);
    });

    private static HypervisorCommand Command(string name, string image, params (string Key, string Value)[] tags) => new(
        "vm-1",
        null,
        VmAction.Create,
        name,
        "Standard_B2s",
        image,
        tags.ToDictionary(t => t.Key, t => t.Value),
        new Dictionary<string, string>());
}
