using Microsoft.Extensions.Hosting;

namespace VmControl.Storage;

/// <summary>Creates the tables when the host starts, before any request can need them.</summary>
internal sealed class TableStorageStartup(StorageTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureTablesAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
