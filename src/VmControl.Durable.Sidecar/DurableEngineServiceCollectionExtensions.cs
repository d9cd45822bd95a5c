using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Application.Tasks;

namespace VmControl.Durable.Sidecar;

public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// The Durable worker (running the shared orchestrator and activities, plus <paramref name="moreTasks"/> such as a
    /// benchmark's baseline) and client, both over the sidecar's channel.
    /// </summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, DurableSidecar sidecar, Action<DurableTaskRegistry>? moreTasks = null)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        services.AddSingleton(sidecar);
        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(sidecar.Channel);
            builder.AddTasks(registry =>
            {
                registry.AddVmControlTasks();
                moreTasks?.Invoke(registry);
            });
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(sidecar.Channel);
            builder.RegisterDirectly();
        });
        services.AddDurableTaskLauncher();
        return services;
    }
}
