namespace VmControl.Storage;

/// <summary>Where the tables live. Set <see cref="ConnectionString"/> (Azurite: <c>UseDevelopmentStorage=true</c>) or <see cref="TableServiceUri"/>.</summary>
public sealed class TableStorageOptions
{
    /// <summary>A storage connection string; wins over <see cref="TableServiceUri"/> when both are set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service endpoint (<c>https://account.table.core.windows.net</c>), reached with <c>DefaultAzureCredential</c>.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity, when the endpoint is used with one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every table name (letters and digits, starts with a letter), so tests and environments can share an account.</summary>
    public string TablePrefix { get; set; } = "VmControl";

    /// <summary>
    /// Signs continuation tokens. Unset, a built-in key is used: fine on a developer's Azurite, but it is in this
    /// source, so a deployment sets a secret (the hosts refuse to start on Storage:TableServiceUri without one).
    /// </summary>
    public string? ContinuationTokenKey { get; set; }

    /// <summary>Retries of a failed storage call before the store reports itself unavailable (the API then answers 503).</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
