using Microsoft.Extensions.DependencyInjection;

namespace VmControl.Drivers.Azure.Tests;

public sealed class AzureRegistrationTests
{
    [Fact]
    public void Registers_the_driver_as_the_singleton_hypervisor()
    {
        var services = new ServiceCollection();
        services.AddAzureComputeDriver(new AzureDriverOptions { SubscriptionId = FakeArm.Subscription }, new StaticTokenCredential());
        using var provider = services.BuildServiceProvider();

        var driver = provider.GetRequiredService<IHypervisorDriver>();

        Assert.IsType<AzureComputeDriver>(driver);
        Assert.Same(driver, provider.GetRequiredService<IHypervisorDriver>());
    }
}
