using Azure.Core;
using Azure.Identity;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VmControl.Events.EventGrid;

public static class EventGridServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Event Grid publisher as an <see cref="IEventPublisher"/> when <c>Events:EventGrid:Endpoint</c> is set, and
    /// nothing otherwise. It signs in with <see cref="DefaultAzureCredential"/> (in Azure the app's managed identity, named
    /// by <c>AZURE_CLIENT_ID</c>; locally a developer sign-in) unless <paramref name="credential"/> is given.
    /// </summary>
    public static IServiceCollection AddEventGridPublisher(this IServiceCollection services, IConfiguration configuration, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(EventGridSettings.Section).Get<EventGridSettings>() ?? new EventGridSettings();
        services.AddOptions<EventGridSettings>().BindConfiguration(EventGridSettings.Section);
        if (settings.Endpoint is not { } endpoint)
        {
            return services;
        }

        services.AddOptions<EventSettings>();
        services.TryAddSingleton(_ => new EventGridPublisherClient(endpoint, credential ?? new DefaultAzureCredential()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventPublisher, EventGridPublisher>());
        return services;
    }
}
