using Microsoft.Extensions.DependencyInjection;
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
        services.AddTableStorage(new TableStorageOptions
        {
            ConnectionString = options.StorageConnectionString,
            TableServiceUri = options.TableServiceUri,
            TablePrefix = options.TablePrefix,
        });

        switch (options.Driver)
        {
            case "simulated" when options.StorageConnectionString is { } connection:
                services.AddSimulatedHypervisor(connection, o => o.TablePrefix = options.TablePrefix);
                break;
            case "azure":
                services.AddAzureComputeDriver(options.Azure);
                break;
            case "libvirt":
                services.AddLibvirtDriver(options.Libvirt);

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
