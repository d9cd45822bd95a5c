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
    /// Signs continuation tokens. Tokens only carry record keys, so the default is about detecting tampering, not secrecy;
    /// set a secret to make tokens unforgeable by someone who reads this source.
    /// </summary>
    public string? ContinuationTokenKey { get; set; }

    /// <summary>Retries of a failed storage call before the store reports itself unavailable (the API then answers 503).</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
