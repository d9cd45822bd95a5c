using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace VmControl.Drivers.Azure;

public static class AzureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Azure driver as the <see cref="IHypervisorDriver"/>. Without a credential it uses
    /// <see cref="DefaultAzureCredential"/> (managed identity in Azure, developer sign-in locally): no secrets in config.
    /// </summary>
    public static IServiceCollection AddAzureComputeDriver(
        this IServiceCollection services,
        AzureDriverOptions options,
        TokenCredential? credential = null,
        ArmClientOptions? armOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<IHypervisorDriver>(sp => new AzureComputeDriver(
            options,
            credential ?? new DefaultAzureCredential(),
            armOptions,
            sp.GetService<TimeProvider>()));
        return services;
    }
}
