using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VmControl.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP layer. The host also registers <c>AddVmControlApplication</c>, the ports (IVmStore, IActionLog,
    /// IAlertStore, IIdempotencyStore, IHypervisorDriver, ITaskLauncher) and, optionally, an <see cref="Application.PowerSync.IPowerSyncRunner"/>
    /// and an <see cref="Application.Ports.ISimulatorControl"/>.
    /// </summary>
    public static IServiceCollection AddVmControlHttp(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Idempotency>();
        services.TryAddSingleton<HealthCache>();
        services.TryAddSingleton<VmControlApi>();
        services.AddHostedService<IdempotencySweeper>();
        return services;
    }
}
