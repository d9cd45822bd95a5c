namespace VmControl.Drivers.Azure.Tests;

/// <summary>A driver configured for create from an image, and create commands.</summary>
internal static class AzureCreate
{
    public const string Subnet = "/subscriptions/" + FakeArm.Subscription + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/default";
    public const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests vmcontrol@test";

    public static Task<AzureTestContext> StartAsync(Action<AzureDriverOptions>? also = null) => AzureTestContext.StartAsync(o =>
    {
        o.SubnetId = Subnet;
        o.AdminUsername = "azureuser";
        o.SshPublicKey = Key;
        also?.Invoke(o);
    });

    public static HypervisorCommand Command(string name, string image, params (string Key, string Value)[] tags) => new(
        "vm-1",
        null,
        VmAction.Create,
        name,
        "Standard_B2s",
        image,
        tags.ToDictionary(t => t.Key, t => t.Value),
        new Dictionary<string, string>());
}
