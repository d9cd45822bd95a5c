using Microsoft.Extensions.DependencyInjection;

namespace VmControl.Application.PowerSync;

public static class PowerSyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PowerSyncService"/> and the runner <c>POST /api/power-sync</c> calls. The runner is a plain
    /// <c>Func&lt;CancellationToken, Task&lt;object&gt;&gt;</c> (the HTTP layer adapts it to its <c>PowerSyncRunner</c>),
    /// because the application layer does not reference the HTTP layer.
    /// </summary>
    public static IServiceCollection AddVmControlPowerSync(this IServiceCollection services, Action<PowerSyncSettings>? configure = null)
    {
        var settings = new PowerSyncSettings();
        configure?.Invoke(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MismatchPasses, 1, nameof(settings.MismatchPasses));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.PageSize, 1, nameof(settings.PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.PageSize, 1000, nameof(settings.PageSize));
        services.AddSingleton(settings);
        services.AddSingleton<PowerSyncService>();
        services.AddSingleton<Func<CancellationToken, Task<object>>>(sp =>
        {
            var service = sp.GetRequiredService<PowerSyncService>();
            return async ct => await service.RunPassAsync(ct).ConfigureAwait(false);
        });
        return services;
    }
}
