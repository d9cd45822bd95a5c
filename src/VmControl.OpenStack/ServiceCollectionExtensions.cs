using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VmControl.OpenStack.Compute;
using VmControl.OpenStack.Identity;

namespace VmControl.OpenStack;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The OpenStack facade, configured from the <c>OpenStack</c> section. The host also registers
    /// <c>AddVmControlApplication</c> and its ports: the facade only calls the use cases and <c>VmQueries</c>.
    /// </summary>
    /// <param name="keylessAllowed">
    /// False where every request arrives through a proxy on the same machine (the Functions host forwards to its worker
    /// over loopback): there each caller would look local, so keyless mode is off whatever the settings say.
    /// </param>
    public static IServiceCollection AddOpenStackApi(this IServiceCollection services, IConfiguration configuration, bool keylessAllowed = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<OpenStackOptions>(configuration.GetSection(OpenStackOptions.Section));
        if (!keylessAllowed)
        {
            services.PostConfigure<OpenStackOptions>(o => o.AllowNoAuth = false);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenService>();
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<KeystoneApi>();
        services.TryAddSingleton<FlavorCatalog>();
        services.TryAddSingleton<ServerView>();
        services.TryAddSingleton<ComputeApi>();
        services.TryAddSingleton<ComputePipeline>();
        return services;
    }
}
