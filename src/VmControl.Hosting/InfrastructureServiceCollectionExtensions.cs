using Microsoft.Extensions.DependencyInjection;
using VmControl.Application.Budget;
using VmControl.Drivers.Azure;
using VmControl.Drivers.Libvirt;
using VmControl.Drivers.Simulated;
using VmControl.Storage;

namespace VmControl.Hosting;

/// <summary>The stores and the driver, chosen by settings; both hosts call this, so they run on the same parts.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    public static IServiceCollection AddVmControlInfrastructure(this IServiceCollection services, InfrastructureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StorageConnectionString is null && string.IsNullOrEmpty(options.ContinuationTokenKey))
        {
            // The built-in key is in this source, so anyone could forge a deployment's tokens with it.
            throw new InvalidOperationException(
                "Storage:ContinuationTokenKey is required when the tables are reached by Storage:TableServiceUri (set it from a secret, e.g. a Key Vault reference).");
        }

        services.AddTableStorage(new TableStorageOptions
        {
            ConnectionString = options.StorageConnectionString,
            TableServiceUri = options.TableServiceUri,
            TablePrefix = options.TablePrefix,
            ContinuationTokenKey = options.ContinuationTokenKey,
        });

        switch (options.Driver)
        {
            case "simulated" when options.StorageConnectionString is { } connection:
                services.AddSimulatedHypervisor(connection, o => o.TablePrefix = options.TablePrefix);
                services.AddOptions<SimulatorOptions>().BindConfiguration("Simulator");
                services.AddSingleton(new BudgetScope("simulated"));
                break;
            case "azure":
                services.AddAzureComputeDriver(options.Azure);

                // Azure's limits on VM calls are per subscription and region.
                services.AddSingleton(new BudgetScope($"azure/{options.Azure.SubscriptionId}/{options.Azure.Location}".ToLowerInvariant()));
                break;
            case "libvirt":
                services.AddLibvirtDriver(options.Libvirt);
                services.AddSingleton(new BudgetScope("libvirt/" + options.Libvirt.ConnectionUri));

                // Lifecycle events start a power-sync pass at once; the timer stays as the safety net.
                services.AddHostedService<PowerChangePump>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Driver '{options.Driver}' is not available with these settings (the simulated driver needs a storage connection string).");
        }

        return services;
    }
}
