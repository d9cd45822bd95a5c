namespace VmControl.Storage;

/// <summary>The tables of the control plane (see docs/storage.md), named with the configured prefix.</summary>
public sealed class StorageTables
{
    public StorageTables(TableServiceClient service, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.TablePrefix;
        // Table names are 3-63 letters and digits starting with a letter; the longest suffix below is 13.
        if (prefix.Length is < 1 or > 50 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The table prefix must be 1-50 letters and digits, starting with a letter.", nameof(options));
        }

        Vms = service.GetTableClient(prefix + "Vms");
        Actions = service.GetTableClient(prefix + "Actions");
        Alerts = service.GetTableClient(prefix + "Alerts");
        Idempotency = service.GetTableClient(prefix + "Idempotency");
        Budgets = service.GetTableClient(prefix + "Budgets");
        TagIndex = service.GetTableClient(prefix + "TagIndex");
        Subscriptions = service.GetTableClient(prefix + "Subscriptions");
        DeadLetters = service.GetTableClient(prefix + "DeadLetters");
        Fleet = service.GetTableClient(prefix + "Fleet");
        Tokens = new ContinuationTokenCodec(options.ContinuationTokenKey);
    }

    public TableClient Vms { get; }

    public TableClient Actions { get; }

    public TableClient Alerts { get; }

    public TableClient Idempotency { get; }

    public TableClient Budgets { get; }

    public TableClient TagIndex { get; }

    public TableClient Subscriptions { get; }

    public TableClient DeadLetters { get; }

    public TableClient Fleet { get; }

    internal ContinuationTokenCodec Tokens { get; }

    private IEnumerable<TableClient> All => [Vms, Actions, Alerts, Idempotency, Budgets, TagIndex, Subscriptions, DeadLetters, Fleet];

    /// <summary>Creates the tables that do not exist yet; called once at start-up.</summary>
    public async Task EnsureTablesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (var table in All)
            {
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    /// <summary>Deletes every table of this prefix (tests and benchmarks clean up with it).</summary>
    public async Task DeleteTablesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in All)
        {
            await table.DeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
