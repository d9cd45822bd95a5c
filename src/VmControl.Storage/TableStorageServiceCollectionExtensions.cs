using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VmControl.Application.Budget;
using VmControl.Application.Events;

namespace VmControl.Storage;

public static class TableStorageServiceCollectionExtensions
{
    /// <summary>Registers the Table Storage stores as singletons (the SDK clients are thread-safe) and creates the tables at start-up.</summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(_ => TableServiceClientFactory.Create(options));
        services.AddSingleton<StorageTables>();

        // Events wait in the outbox until a host's delivery (which registers the real sink) takes them.
        services.TryAddSingleton<IEventSink>(NullEventSink.Instance);
        services.AddOptions<EventSettings>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<IOutbox, TableOutbox>();
        services.AddSingleton<IVmStore, TableVmStore>();
        services.AddSingleton<IActionLog, TableActionLog>();
        services.AddSingleton<IAlertStore, TableAlertStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddOptions<RateBudgetSettings>();
        services.TryAddSingleton(BudgetScope.Default);
        services.AddSingleton<IRateBudget, TableRateBudget>();
        services.AddSingleton<ISubscriptionStore, TableSubscriptionStore>();
        services.AddSingleton<IFleetStore, TableFleetStore>();
        services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        services.AddHostedService<TableStorageStartup>();
        return services;
    }
}
