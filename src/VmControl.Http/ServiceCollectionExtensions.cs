using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VmControl.Events.Stream;
using VmControl.Http.Identity;

namespace VmControl.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP layer. The host also registers <c>AddVmControlApplication</c>, the ports (IVmStore, IActionLog,
    /// IAlertStore, IIdempotencyStore, IHypervisorDriver, ITaskLauncher) and, optionally, an <see cref="Application.PowerSync.IPowerSyncRunner"/>
    /// and an <see cref="Application.Ports.ISimulatorControl"/>. The <c>Auth</c> settings section gives the API keys; the
    /// Functions host adds <see cref="ClientPrincipal"/> as a second <see cref="ICallerAuthenticator"/>.
    /// </summary>
    public static IServiceCollection AddVmControlHttp(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Idempotency>();
        services.TryAddSingleton<HealthCache>();
        services.TryAddSingleton<VmControlApi>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>());
        services.TryAddSingleton<ApiKeys>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICallerAuthenticator, ApiKeys>(sp => sp.GetRequiredService<ApiKeys>()));
        services.TryAddSingleton<ApiAuthorization>();
        services.AddHostedService<IdempotencySweeper>();

        // The stream's hub is an event observer: whatever delivers events tells it of each one.
        services.AddEventStream();
        return services;
    }
}
