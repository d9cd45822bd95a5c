using Microsoft.Extensions.Hosting;

namespace VmControl.Storage;

/// <summary>Creates the tables when the host starts, before any request can need them, and gives old rows a project.</summary>
internal sealed class TableStorageStartup(StorageTables tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        await ProjectMigration.RunAsync(tables, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
