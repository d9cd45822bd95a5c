using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Events;

namespace VmControl.Hosting;

/// <summary>Event delivery on both hosts (docs/events.md); each host calls it beside <see cref="InfrastructureServiceCollectionExtensions.AddVmControlInfrastructure"/>.</summary>
public static class HostingEventsServiceCollectionExtensions
{
    /// <summary>
    /// The dispatcher, webhooks and subscription use cases, configured from the <c>Events</c> section.
    /// <paramref name="local"/>: the LocalHost (webhooks may be plain http and private addresses); false: the Functions
    /// app (https and public addresses only, unless the settings say otherwise).
    /// </summary>
    public static IServiceCollection AddVmControlEvents(this IServiceCollection services, IConfiguration configuration, bool local) =>
        services.AddEventDelivery(configuration, local);
}
