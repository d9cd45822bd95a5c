using System.Net.Sockets;
using VmControl.Application.Events;
using VmControl.Testing.Fakes;

namespace VmControl.Storage.Tests;

/// <summary>
/// Tables of one test class on Azurite, under a random prefix so parallel classes and runs never share a row;
/// deleted at the end. Fails loudly when Azurite is not running instead of timing out in every test.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private const int TablePort = 10002;

    public AzuriteFixture()
    {
        Options = new TableStorageOptions
        {
            ConnectionString = ConnectionString,
            TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12],
            MaxRetries = 1,
        };
        Tables = new StorageTables(TableServiceClientFactory.Create(Options), Options);

        // Events on, as in the hosts: every store test also runs the writes with their outbox rows.
        var outbox = new OutboxWriter(Sink, Microsoft.Extensions.Options.Options.Create(new EventSettings()), TimeProvider.System);
        Vms = new TableVmStore(Tables, outbox);
        Actions = new TableActionLog(Tables, outbox);
        Alerts = new TableAlertStore(Tables, outbox);
        Outbox = new TableOutbox(Tables);
        Idempotency = new TableIdempotencyStore(Tables);
        Fleet = new TableFleetStore(Tables, outbox);
    }

    public TableStorageOptions Options { get; }

    public StorageTables Tables { get; }

    public RecordingEventSink Sink { get; } = new();

    public TableOutbox Outbox { get; }

    public TableVmStore Vms { get; }

    public TableActionLog Actions { get; }

    public TableAlertStore Alerts { get; }

    public TableIdempotencyStore Idempotency { get; }

    public TableFleetStore Fleet { get; }

    public async Task InitializeAsync()
    {
        await EnsureAzuriteAsync().ConfigureAwait(false);
        await Tables.EnsureTablesAsync().ConfigureAwait(false);
    }

    public Task DisposeAsync() => Tables.DeleteTablesAsync();

    private static async Task EnsureAzuriteAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await client.ConnectAsync("127.0.0.1", TablePort, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Azurite's table service is not listening on 127.0.0.1:{TablePort}. These tests need it: run ./test.sh "
                + "(it installs and starts Azurite), or start it yourself with `source scripts/azurite.sh && azurite_up`.",
                ex);
        }
    }
}
