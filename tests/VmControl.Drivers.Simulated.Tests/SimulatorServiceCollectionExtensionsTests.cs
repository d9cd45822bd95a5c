using Microsoft.Extensions.DependencyInjection;
using VmControl.Application.Ports;
using VmControl.Drivers.Simulated;

namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatorServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSimulatedHypervisor_RegistersDriverSettingsAndControlAsSingletons()
    {
        var services = new ServiceCollection();

        services.AddSimulatedHypervisor("UseDevelopmentStorage=true", o => o.TablePrefix = "test");

        foreach (var type in new[] { typeof(IHypervisorDriver), typeof(SimulatedHypervisor), typeof(SimulatorSettings), typeof(SimulatorControl), typeof(TimeProvider) })
        {
            var descriptor = Assert.Single(services, d => d.ServiceType == type);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        }
    }

    [Fact]
    public void AddSimulatedHypervisor_TakesStartUpSettingsFromOptions()
    {
        var services = new ServiceCollection();

        services.AddSimulatedHypervisor("UseDevelopmentStorage=true", o => (o.LatencyMs, o.FailureRate, o.Seed) = (1_500, 0.1, 9));

        var settings = (SimulatorSettings)Assert.Single(services, d => d.ServiceType == typeof(SimulatorSettings)).ImplementationInstance!;
        Assert.Equal((1_500, 0.1, (int?)9), (settings.LatencyMs, settings.FailureRate, settings.Seed));
    }

    [Fact]
    public void AddSimulatedHypervisor_WithLatencyOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ServiceCollection().AddSimulatedHypervisor("UseDevelopmentStorage=true", o => o.LatencyMs = 600_001));
    }

    [Fact]
    public void AddSimulatedHypervisor_WithInvalidTablePrefix_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => new ServiceCollection().AddSimulatedHypervisor("UseDevelopmentStorage=true", o => o.TablePrefix = "bad-prefix"));
    }
}
