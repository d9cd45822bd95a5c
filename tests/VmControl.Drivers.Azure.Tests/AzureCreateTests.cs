using System.Text.Json.Nodes;

namespace VmControl.Drivers.Azure.Tests;

/// <summary>Create from an image: one VM PUT carrying an Azure-managed NIC (networkApiVersion 2020-11-01).</summary>
public sealed class AzureCreateTests
{
    [Fact]
    public async Task Create_from_a_marketplace_image_puts_one_vm_with_a_managed_nic_and_polls_to_running()
    {
        await using var context = await AzureCreate.StartAsync();

        var operation = await context.Driver.BeginAsync(AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest", ("team", "blue")));
        var first = await context.Driver.PollAsync(operation);
        var second = await context.Driver.PollAsync(operation);

        // Named after the VM id, not the display name "web-1".
        Assert.Equal(FakeArm.VmId("vm-1"), operation.ExternalId);
        var put = Assert.Single(context.Arm.Requests, r => r.Method == "PUT");
        Assert.Equal($"/subscriptions/{FakeArm.Subscription}/resourceGroups/{FakeArm.Group}/providers/Microsoft.Compute/virtualMachines/vm-1", put.Path);
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
        Assert.Equal(AzureCreate.Key, key["keyData"]!.GetValue<string>());
        Assert.Equal("/home/azureuser/.ssh/authorized_keys", key["path"]!.GetValue<string>());
        var network = properties["networkProfile"]!;
        Assert.Equal("2020-11-01", network["networkApiVersion"]!.GetValue<string>());
        var nic = Assert.Single(network["networkInterfaceConfigurations"]!.AsArray())!;
        Assert.Equal("Delete", nic["properties"]!["deleteOption"]!.GetValue<string>());
        var ip = Assert.Single(nic["properties"]!["ipConfigurations"]!.AsArray())!;
        Assert.Equal(AzureCreate.Subnet, ip["properties"]!["subnet"]!["id"]!.GetValue<string>());
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
        await using var context = await AzureCreate.StartAsync();

        await context.Driver.BeginAsync(AzureCreate.Command("web-1", imageId));

        var body = JsonNode.Parse(Assert.Single(context.Arm.Requests, r => r.Method == "PUT").Body)!;
        var image = body["properties"]!["storageProfile"]!["imageReference"]!;
        Assert.Equal(imageId, image["id"]!.GetValue<string>());
        Assert.Null(image["publisher"]);
    }

    [Fact]
    public async Task The_configured_placement_may_be_named_explicitly()
    {
        await using var context = await AzureCreate.StartAsync();
        var command = AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest") with
        {
            Parameters = new Dictionary<string, string> { ["location"] = "West Europe", ["resourceGroup"] = FakeArm.Group },
        };

        await context.Driver.BeginAsync(command);

        Assert.Single(context.Arm.Requests, r => r.Method == "PUT");
    }

    [Theory]
    [InlineData("web_1.prod")]
    [InlineData("wéb 1 ✓")]
    [InlineData(" -web. ")]
    public async Task Any_display_name_creates_the_resource_and_host_under_the_vm_id(string name)
    {
        await using var context = await AzureCreate.StartAsync();

        await context.Driver.BeginAsync(AzureCreate.Command(name, "Canonical:ubuntu-24_04-lts:server:latest") with { VmId = "vm-0123456789abcdef" });

        var put = Assert.Single(context.Arm.Requests, r => r.Method == "PUT");
        var body = JsonNode.Parse(put.Body)!;
        Assert.EndsWith("/virtualMachines/vm-0123456789abcdef", put.Path, StringComparison.Ordinal);
        Assert.Equal("vm-0123456789abcdef", body["properties"]!["osProfile"]!["computerName"]!.GetValue<string>());
        Assert.Equal("vm-0123456789abcdef-nic", body["properties"]!["networkProfile"]!["networkInterfaceConfigurations"]![0]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(name.Trim(), put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_create_finds_its_own_vm_and_settles_without_a_second_put()
    {
        await using var context = await AzureCreate.StartAsync();
        var command = AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest");
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
        await using var context = await AzureCreate.StartAsync();
        context.Arm.AddVm("existing");
        var id = FakeArm.VmId("existing");

        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Create, null, ("resourceId", id)));

        Assert.Equal(id, operation.ExternalId);
        Assert.Equal("vm-1", context.Arm.Vms[id].Tags["vmcontrol-id"]);
        Assert.Equal(["GET", "PATCH"], context.Arm.Requests.Select(r => r.Method));
    }
}
