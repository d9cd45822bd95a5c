using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// As above; <see cref="SimulatorOptions"/> is an option (<c>IOptions</c>), so a host may also bind it from
    /// configuration. It is validated when the host starts.
    /// </summary>
    public static IServiceCollection AddSimulatedHypervisor(
        this IServiceCollection services,
        TableServiceClient tableService,
        Action<SimulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tableService);
        var options = services.AddOptions<SimulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var start = sp.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            var settings = new SimulatorSettings(start.LatencyMs, start.FailureRate, start.Seed);
            settings.Throttle.Set(start.ThrottleCalls, start.ThrottleWindow);
            return settings;
        });
        services.AddSingleton(sp => new SimulatedHypervisor(
            tableService.GetTableClient(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.TableName),
            sp.GetRequiredService<SimulatorSettings>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IHypervisorDriver>(sp => sp.GetRequiredService<SimulatedHypervisor>());
        services.AddSingleton<SimulatorControl>();
        services.AddSingleton<ISimulatorControl>(sp => sp.GetRequiredService<SimulatorControl>());
        return services;
    }
}
