using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;

namespace VmControl.Application;

/// <summary>The application layer's services; the hosts add the stores, the driver and the task launcher (VmControl.Durable).</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddVmControlApplication(this IServiceCollection services, Action<TaskSettings>? configure = null)
    {
        var settings = new TaskSettings();
        configure?.Invoke(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<VmCommands>();
        services.AddSingleton<VmQueries>();
        return services;
    }
}
