using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Application.Events;
using VmControl.Application.PowerSync;
using VmControl.Application.Tasks;

namespace VmControl.Application.Settings;

/// <summary>The one binding of the settings sections both hosts read, so the Functions app and the local host cannot drift.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>Binds <c>Tasks</c> to <see cref="TaskSettings"/> and <c>PowerSync</c> to <see cref="PowerSyncSettings"/>, <c>Events</c> to <see cref="EventSettings"/>.</summary>
    public static IServiceCollection BindVmControlSettings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TaskSettings>().Bind(configuration.GetSection(TaskSettingsValidation.Section));
        services.AddOptions<PowerSyncSettings>().Bind(configuration.GetSection(PowerSyncSettingsValidation.Section));
        services.AddOptions<EventSettings>().Bind(configuration.GetSection(EventSettings.Section));
        services.AddOptions<Budget.RateBudgetSettings>().Bind(configuration.GetSection(Budget.RateBudgetSettings.Section));
        services.AddOptions<Fleet.FleetSettings>().Bind(configuration.GetSection(Fleet.FleetSettings.Section));
        return services;
    }
}
