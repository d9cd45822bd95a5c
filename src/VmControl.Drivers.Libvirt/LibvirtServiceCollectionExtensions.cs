using Microsoft.Extensions.DependencyInjection;

namespace VmControl.Drivers.Libvirt;

public static class LibvirtServiceCollectionExtensions
{
    /// <summary>
    /// Registers the libvirt driver as the <see cref="IHypervisorDriver"/> and its lifecycle events as the
    /// <see cref="IPowerChangeFeed"/>. Nothing connects until the first call.
    /// </summary>
    public static IServiceCollection AddLibvirtDriver(this IServiceCollection services, LibvirtDriverOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<LibvirtPowerEvents>();
        services.AddSingleton<IPowerChangeFeed>(sp => sp.GetRequiredService<LibvirtPowerEvents>());
        services.AddSingleton(sp => new LibvirtDriver(options, sp.GetRequiredService<LibvirtPowerEvents>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<IHypervisorDriver>(sp => sp.GetRequiredService<LibvirtDriver>());
        return services;
    }
}
