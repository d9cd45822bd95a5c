using System.Net.Sockets;
using Azure.Data.Tables;

namespace VmControl.Drivers.Simulated.Tests;

/// <summary>A fresh simulator table on Azurite for one test class, deleted afterwards.</summary>
public sealed class SimulatorTableFixture : IAsyncLifetime
{
    private const int TablePort = 10002;

    private TableClient? table;

    public TableClient Table => table ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync()
    {
        await ThrowUnlessAzuriteListensAsync();

        // Table names: letters and digits, starting with a letter; random so parallel classes and runs never meet.
        var name = "simtest" + Guid.NewGuid().ToString("N")[..20];
        table = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient(name);
        await table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        if (table is not null)
        {
            await table.DeleteAsync();
        }
    }

    // Without this the first test would hang in the SDK's retries and fail with a vague timeout.
    private static async Task ThrowUnlessAzuriteListensAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await client.ConnectAsync("127.0.0.1", TablePort, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"Azurite's Table service is not listening on 127.0.0.1:{TablePort}. Start it first "
                + "(`source scripts/azurite.sh && azurite_up`, or run ./test.sh, which starts it).",
                e);
        }
    }
}
