using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VmControl.Application.UseCases;
using VmControl.Events.Delivery;
using VmControl.Events.Webhooks;

namespace VmControl.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// Event delivery: the <see cref="EventDispatcher"/> as the process's <see cref="IEventSink"/> (replacing the stores'
    /// null sink, whichever is registered first) and as a hosted service, the webhook client, validator and sender, and
    /// the subscription use cases. <paramref name="local"/> picks the LocalHost's webhook defaults (http and private
    /// addresses allowed) over the Functions app's (https only, public addresses only); settings override either.
    /// The host also registers the stores (ISubscriptionStore, IDeadLetterStore, IOutbox) and, optionally,
    /// <see cref="IEventPublisher"/>s and <see cref="IEventObserver"/>s.
    /// </summary>
    public static IServiceCollection AddEventDelivery(this IServiceCollection services, IConfiguration configuration, bool local)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliverySettings>().Bind(configuration.GetSection(DeliverySettings.Section)).Validate(
            s => s.MaxAttempts is >= 1 and <= SubscriptionRules.MaxAttemptsLimit && s.InitialBackoff >= TimeSpan.Zero && s.MaxBackoff >= s.InitialBackoff
                && s.Timeout > TimeSpan.Zero && s.ConcurrencyPerTarget >= 1 && s.MaxHeldEvents >= 1 && s.SubscriptionRefresh > TimeSpan.Zero,
            "Events:Delivery: MaxAttempts 1-50, InitialBackoff >= 0, MaxBackoff >= InitialBackoff, Timeout, SubscriptionRefresh > 0, ConcurrencyPerTarget and MaxHeldEvents >= 1.")
            .ValidateOnStart();
        services.AddOptions<WebhookSettings>()
            .Configure(s =>
            {
                s.HttpsOnly = !local;
                s.AllowPrivateAddresses = local;
            })
            .Bind(configuration.GetSection(WebhookSettings.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookHttp>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<IWebhookValidator, WebhookValidator>();
        services.TryAddSingleton<EventDispatcher>();
        services.Replace(ServiceDescriptor.Singleton<IEventSink>(sp => sp.GetRequiredService<EventDispatcher>()));
        services.TryAddSingleton<IEventDelivery>(sp => sp.GetRequiredService<EventDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<EventDispatcher>());
        services.TryAddSingleton<EventSubscriptions>();
        return services;
    }
}
