using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using VmControl.Application.Tasks;

namespace VmControl.LocalHost.Engine;

public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>The Durable worker (running the shared orchestrator and activities) and client, both over the sidecar's channel.</summary>
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, DurableSidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        services.AddSingleton(sidecar);
        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(sidecar.Channel);
            builder.AddTasks(registry => registry.AddVmControlTasks());
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(sidecar.Channel);
            builder.RegisterDirectly();
        });
        return services;
    }
}
