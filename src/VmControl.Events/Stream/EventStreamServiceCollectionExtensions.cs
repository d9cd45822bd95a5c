using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VmControl.Events.Stream;

public static class EventStreamServiceCollectionExtensions
{
    /// <summary>
    /// The stream's hub, as itself (the route reads it) and as an <see cref="IEventObserver"/> (delivery tells every
    /// observer of each event it takes). <c>Events:Stream</c> binds <see cref="EventStreamSettings"/>.
    /// </summary>
    public static IServiceCollection AddEventStream(this IServiceCollection services)
    {
        services.AddOptions<EventStreamSettings>().BindConfiguration(EventStreamSettings.Section);
        services.AddOptions<EventSettings>();
        services.TryAddSingleton<EventStreamHub>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventObserver, EventStreamHub>(sp => sp.GetRequiredService<EventStreamHub>()));
        return services;
    }
}
