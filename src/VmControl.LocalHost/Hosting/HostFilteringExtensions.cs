using Microsoft.AspNetCore.HostFiltering;

namespace VmControl.LocalHost.Hosting;

public static class HostFilteringExtensions
{
    /// <summary>
    /// ASP.NET Core checks <c>AllowedHosts</c> (DNS rebinding: a foreign page whose name resolves to 127.0.0.1) in a
    /// startup filter ahead of every middleware, and answers a plain-text 400. Taking that filter out and calling
    /// <c>UseHostFiltering</c> after the problem middleware keeps the same check and gives the 400 its problem+json.
    /// </summary>
    public static IServiceCollection MoveHostFilteringAfterProblems(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var startupFilters = services.Where(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType?.Name == "HostFilteringStartupFilter").ToList();
        foreach (var descriptor in startupFilters)
        {
            services.Remove(descriptor);
        }

        services.Configure<HostFilteringOptions>(o => o.IncludeFailureMessage = false);
        return services;
    }
}
