using Microsoft.Extensions.DependencyInjection;

namespace VmControl.Storage;

public static class TableStorageServiceCollectionExtensions
{
    /// <summary>Registers the four Table Storage stores as singletons (the SDK clients are thread-safe) and creates the tables at start-up.</summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(_ => TableServiceClientFactory.Create(options));
        services.AddSingleton<StorageTables>();
        services.AddSingleton<IVmStore, TableVmStore>();
        services.AddSingleton<IActionLog, TableActionLog>();
        services.AddSingleton<IAlertStore, TableAlertStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddHostedService<TableStorageStartup>();
        return services;
    }
}
