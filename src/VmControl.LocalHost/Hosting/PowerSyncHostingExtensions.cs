using VmControl.Application.PowerSync;
using VmControl.Application.Schedules;

namespace VmControl.LocalHost.Hosting;

public static class PowerSyncHostingExtensions
{
    /// <summary>The power-sync service and its timer as a hosted service (the host binds the section <c>PowerSync</c>).</summary>
    public static IServiceCollection AddLocalPowerSync(this IServiceCollection services)
    {
        services.AddVmControlPowerSync();
        services.AddHostedService<PowerSyncHostedService>();
        return services;
    }

    /// <summary>The schedule tick and its timer as a hosted service (the host binds the section <c>Schedules</c>).</summary>
    public static IServiceCollection AddLocalSchedules(this IServiceCollection services)
    {
        services.AddVmControlSchedules();
        services.AddHostedService<ScheduleTickHostedService>();
        return services;
    }
}
