using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VmControl.Application.Settings;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;

namespace VmControl.Application;

/// <summary>The application layer's services; the hosts add the stores, the driver and the task launcher (VmControl.Durable).</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The use cases and <see cref="TaskSettings"/> as options, checked when the host starts. <paramref name="configure"/>
    /// applies after any binding (<see cref="SettingsServiceCollectionExtensions.BindVmControlSettings"/>).
    /// </summary>
    public static IServiceCollection AddVmControlApplication(this IServiceCollection services, Action<TaskSettings>? configure = null)
    {
        var options = services.AddOptions<TaskSettings>().ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskSettings>, TaskSettingsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VmOpening>();
        services.TryAddSingleton<Preemption>();
        services.TryAddSingleton<TaskStarter>();
        services.TryAddSingleton<CreateVm>();
        services.TryAddSingleton<DeleteVm>();
        services.TryAddSingleton<RequestAction>();
        services.TryAddSingleton<ResetVmState>();
        services.TryAddSingleton<RowChange>();
        services.TryAddSingleton<ChangeSafeguards>();
        services.TryAddSingleton<ChangeTags>();
        services.TryAddSingleton<ResumeLostTask>();
        services.TryAddSingleton<VmQueries>();
        services.TryAddSingleton<VmSelection>();
        services.TryAddSingleton<Fleet.FleetOperations>();
        services.TryAddSingleton<Events.EventRecovery>();
        services.TryAddSingleton<Budget.AutomatedStarts>();
        return services;
    }
}
