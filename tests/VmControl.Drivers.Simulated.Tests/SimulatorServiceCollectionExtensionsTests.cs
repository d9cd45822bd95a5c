using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        using var provider = services.BuildServiceProvider();
        var settings = provider.GetRequiredService<SimulatorSettings>();
        Assert.Equal((1_500, 0.1, (int?)9), (settings.LatencyMs, settings.FailureRate, settings.Seed));
    }

    [Theory]
    [InlineData(600_001, 0, "", "LatencyMs")]
    [InlineData(-1, 0, "", "LatencyMs")]
    [InlineData(0, 1.5, "", "FailureRate")]
    [InlineData(0, 0, "bad-prefix", "table name")]
    public void AddSimulatedHypervisor_WithABadSetting_FailsTheStartNamingIt(int latencyMs, double failureRate, string prefix, string named)
    {
        var services = new ServiceCollection();
        services.AddSimulatedHypervisor("UseDevelopmentStorage=true", o => (o.LatencyMs, o.FailureRate, o.TablePrefix) = (latencyMs, failureRate, prefix));
        using var provider = services.BuildServiceProvider();

        // What the host runs before it starts (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSimulatedHypervisor_WithGoodSettings_PassesTheStartValidation()
    {
        var services = new ServiceCollection();
        services.AddSimulatedHypervisor("UseDevelopmentStorage=true", o => (o.LatencyMs, o.FailureRate, o.TablePrefix) = (600_000, 1, "ok1"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("ok1SimulatedMachines", provider.GetRequiredService<IOptions<SimulatorOptions>>().Value.TableName);
    }
}
