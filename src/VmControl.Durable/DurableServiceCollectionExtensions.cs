using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VmControl.Application.Ports;
using VmControl.Application.Tasks;

namespace VmControl.Durable;

public static class DurableServiceCollectionExtensions
{
    /// <summary>The task lock's launcher over the <c>DurableTaskClient</c> registered in the container.</summary>
    public static IServiceCollection AddDurableTaskLauncher(this IServiceCollection services)
    {
        services.TryAddSingleton<ITaskLauncher, DurableTaskLauncher>();
        services.TryAddSingleton<IFleetLauncher, DurableFleetLauncher>();
        return services;
    }
}
