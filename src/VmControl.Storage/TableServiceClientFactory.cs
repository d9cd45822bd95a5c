using Azure.Identity;

namespace VmControl.Storage;

public static class TableServiceClientFactory
{
    public static TableServiceClient Create(TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        if (options.TableServiceUri is not null)
        {
            // Managed identity in Azure, the developer's az/VS login locally: no shared keys anywhere.
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId,
            });
            return new TableServiceClient(options.TableServiceUri, credential, clientOptions);
        }

        throw new InvalidOperationException(
            "Table storage is not configured: set a connection string (UseDevelopmentStorage=true for Azurite) or a table service endpoint.");
    }
}
