using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VmControl.Application.Ports;

namespace VmControl.Drivers.Simulated;

/// <summary>Registers the simulated hypervisor as the driver, with its settings and control objects (singletons).</summary>
public static class SimulatorServiceCollectionExtensions
{
    /// <summary>The simulator over the storage account of <paramref name="connectionString"/> (<c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public static IServiceCollection AddSimulatedHypervisor(
        this IServiceCollection services,
        string connectionString,
        Action<SimulatorOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return services.AddSimulatedHypervisor(new TableServiceClient(connectionString), configure);
    }

    public static IServiceCollection AddSimulatedHypervisor(
        this IServiceCollection services,
        TableServiceClient tableService,
        Action<SimulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tableService);
        var options = new SimulatorOptions();
        configure?.Invoke(options);
        options.Validate();

        // Validated here so a bad setting fails at start-up, not on the first hypervisor call.
        var settings = new SimulatorSettings(options.LatencyMs, options.FailureRate, options.Seed);
        var table = tableService.GetTableClient(options.TableName);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(sp => new SimulatedHypervisor(table, settings, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IHypervisorDriver>(sp => sp.GetRequiredService<SimulatedHypervisor>());
        services.AddSingleton<SimulatorControl>();
        services.AddSingleton<ISimulatorControl>(sp => sp.GetRequiredService<SimulatorControl>());
        return services;
    }
}
