using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VmControl.Application.Settings;

namespace VmControl.Application.Schedules;

public static class ScheduleServiceCollectionExtensions
{
    /// <summary>The schedule tick, the schedules' use cases and <see cref="ScheduleSettings"/> as options checked at start; the hosts add the timer.</summary>
    public static IServiceCollection AddVmControlSchedules(this IServiceCollection services, Action<ScheduleSettings>? configure = null)
    {
        var options = services.AddOptions<ScheduleSettings>().ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleSettings>, ScheduleSettingsValidation>());
        services.TryAddSingleton<ScheduleTick>();
        services.TryAddSingleton<ScheduleQueries>();
        return services;
    }
}
