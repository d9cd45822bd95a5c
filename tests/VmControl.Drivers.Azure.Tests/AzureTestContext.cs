using Azure.Core.Pipeline;
using Azure.ResourceManager;

namespace VmControl.Drivers.Azure.Tests;

/// <summary>A driver wired to a fresh fake ARM endpoint through TestServer's handler.</summary>
internal sealed class AzureTestContext : IAsyncDisposable
{
    private AzureTestContext(FakeArm arm, AzureComputeDriver driver)
    {
        Arm = arm;
        Driver = driver;
    }

    public FakeArm Arm { get; }

    public AzureComputeDriver Driver { get; }

    public static async Task<AzureTestContext> StartAsync(Action<AzureDriverOptions>? configure = null)
    {
        var arm = await FakeArm.StartAsync();
        var options = new AzureDriverOptions
        {
            SubscriptionId = FakeArm.Subscription,
            ResourceGroup = FakeArm.Group,
            Location = "westeurope",
        };
        configure?.Invoke(options);
        var armOptions = new ArmClientOptions { Transport = new HttpClientTransport(arm.Handler) };

        // No SDK-level retries: each test sees exactly the requests and failures it scripted.
        armOptions.Retry.MaxRetries = 0;
        return new AzureTestContext(arm, new AzureComputeDriver(options, new StaticTokenCredential(), armOptions));
    }

    public static HypervisorCommand Command(VmAction action, string? externalId, params (string Key, string Value)[] parameters) => new(
        "vm-1",
        externalId,
        action,
        "web-1",
        "Standard_B2s",
        "Canonical:ubuntu-24_04-lts:server:latest",
        new Dictionary<string, string>(),
        parameters.ToDictionary(p => p.Key, p => p.Value));

    public ValueTask DisposeAsync() => Arm.DisposeAsync();
}
