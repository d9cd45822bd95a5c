using VmControl.Application.PowerSync;

namespace VmControl.LocalHost.Hosting;

public static class PowerSyncHostingExtensions
{
    /// <summary>The power-sync service (settings section <c>PowerSync</c>) and its timer as a hosted service.</summary>
    public static IServiceCollection AddLocalPowerSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVmControlPowerSync(settings => configuration.GetSection("PowerSync").Bind(settings));
        services.AddHostedService<PowerSyncHostedService>();
        return services;
    }
}
