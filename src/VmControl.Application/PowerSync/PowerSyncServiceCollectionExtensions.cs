using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VmControl.Application.Settings;

namespace VmControl.Application.PowerSync;

public static class PowerSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PowerSyncService"/>, also as the <see cref="IPowerSyncRunner"/> that <c>POST /api/power-sync</c>
    /// calls, and <see cref="PowerSyncSettings"/> as options checked when the host starts. <paramref name="configure"/>
    /// applies after any binding (<see cref="SettingsServiceCollectionExtensions.BindVmControlSettings"/>).
    /// </summary>
    public static IServiceCollection AddVmControlPowerSync(this IServiceCollection services, Action<PowerSyncSettings>? configure = null)
    {
        var options = services.AddOptions<PowerSyncSettings>().ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PowerSyncSettings>, PowerSyncSettingsValidation>());
        services.TryAddSingleton<PowerSyncService>();
        services.TryAddSingleton<IPowerSyncRunner>(sp => sp.GetRequiredService<PowerSyncService>());
        return services;
    }
}
