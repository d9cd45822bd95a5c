using Azure;
using Azure.Data.Tables;
using DurableTask.AzureStorage;

namespace VmControl.Testing;

/// <summary>Deletes what one test identity left in Azurite, so repeated runs on a developer's Azurite do not pile up.</summary>
public static class AzuriteCleanup
{
    /// <summary>The identity's tables and task hub on the shared Azurite (what LocalHost uses by default).</summary>
    public static Task DeleteAsync(LocalHostIdentity identity, CancellationToken cancellationToken) =>
        DeleteAsync(identity, AzuriteCheck.ConnectionString, cancellationToken);

    public static async Task DeleteAsync(LocalHostIdentity identity, string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        try
        {
            var tables = new TableServiceClient(connectionString);
            await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(identity.TablePrefix) >= 0 && t.Name.CompareTo(identity.TablePrefix + "~") < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                await tables.DeleteTableAsync(table.Name, cancellationToken).ConfigureAwait(false);
            }

            // The task hub's queues, lease blobs and history tables.
            var hub = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = identity.HubName,
                StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            });
            await hub.DeleteAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Best effort: leftovers only cost disk space in a test Azurite; they never fail a test.
        }
    }
}
