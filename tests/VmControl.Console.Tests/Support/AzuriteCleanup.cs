using Azure;
using Azure.Data.Tables;
using DurableTask.AzureStorage;

namespace VmControl.Console.Tests.Support;

/// <summary>Deletes what the test host left in Azurite (its tables and task hub), so runs on a shared Azurite do not pile up.</summary>
internal static class AzuriteCleanup
{
    // What LocalHost uses by default (its appsettings.json); the fixture never passes another.
    private const string ConnectionString = "UseDevelopmentStorage=true";

    /// <param name="name">The host's table prefix, which is also its task hub name.</param>
    public static async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var tables = new TableServiceClient(ConnectionString);
            await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(name) >= 0 && t.Name.CompareTo(name + "~") < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                await tables.DeleteTableAsync(table.Name, cancellationToken).ConfigureAwait(false);
            }

            var hub = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = name,
                StorageAccountClientProvider = new StorageAccountClientProvider(ConnectionString),
            });
            await hub.DeleteAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Best effort: leftovers only cost disk space in a test Azurite; they never fail a test.
        }
    }
}
