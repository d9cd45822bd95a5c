using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using VmControl.Application.PowerSync;
using VmControl.Hosting;

namespace VmControl.Application.Tests.Hosting;

/// <summary>The pump between a driver's power events and power sync: named machines one by one, a whole pass only when changes went unheard.</summary>
public sealed class PowerChangePumpTests
{
    [Fact]
    public async Task NamedMachines_AreSyncedOneByOne_AndNoPassRuns()
    {
        var (feed, sync) = (new QueueFeed(), new RecordingSync());
        await using var pump = await StartAsync(feed, sync);

        feed.Add(new PowerChanges(["m-1", "m-2"], Unheard: false));
        feed.Add(new PowerChanges(["m-1"], Unheard: false));

        Assert.Equal(["m-1", "m-2", "m-1"], await sync.MachinesAsync(3));
        Assert.Equal(0, sync.Passes);
    }

    [Fact]
    public async Task UnheardChanges_RunOneWholePass_InsteadOfTheNamedMachines()
    {
        var (feed, sync) = (new QueueFeed(), new RecordingSync());
        await using var pump = await StartAsync(feed, sync);

        feed.Add(new PowerChanges(["m-1"], Unheard: true));
        feed.Add(new PowerChanges(["m-2"], Unheard: false));

        Assert.Equal(["m-2"], await sync.MachinesAsync(1));
        Assert.Equal(1, sync.Passes);
    }

    private static async Task<Running> StartAsync(QueueFeed feed, RecordingSync sync)
    {
        var services = new ServiceCollection()
            .AddSingleton<IPowerSyncRunner>(sync)
            .AddSingleton<IMachinePowerSync>(sync)
            .BuildServiceProvider();
        var pump = new PowerChangePump(feed, services, NullLogger<PowerChangePump>.Instance);
        await pump.StartAsync(CancellationToken.None);
        return new Running(pump, services);
    }

    private sealed class Running(PowerChangePump pump, ServiceProvider services) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await pump.StopAsync(CancellationToken.None);
            pump.Dispose();
            await services.DisposeAsync();
        }
    }

    private sealed class QueueFeed : IPowerChangeFeed
    {
        private readonly Channel<PowerChanges> queue = Channel.CreateUnbounded<PowerChanges>();

        public void Add(PowerChanges changes) => queue.Writer.TryWrite(changes);

        public async Task<PowerChanges> WaitForChangesAsync(CancellationToken cancellationToken = default) =>
            await queue.Reader.ReadAsync(cancellationToken);
    }

    /// <summary>Records what the pump asked for; both kinds go into one log, in order.</summary>
    private sealed class RecordingSync : IPowerSyncRunner, IMachinePowerSync
    {
        private readonly Channel<string> synced = Channel.CreateUnbounded<string>();
        private int passes;

        public int Passes => Volatile.Read(ref passes);

        public Task<PowerSyncSummary> RunPassAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref passes);
            return Task.FromResult(new PowerSyncSummary(DateTimeOffset.UnixEpoch, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Failed: false, null, 0));
        }

        public Task<bool> SyncMachineAsync(string externalId, CancellationToken cancellationToken = default)
        {
            synced.Writer.TryWrite(externalId);
            return Task.FromResult(true);
        }

        public async Task<string[]> MachinesAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var machines = new List<string>();
            while (machines.Count < count)
            {
                machines.Add(await synced.Reader.ReadAsync(timeout.Token));
            }

            return [.. machines];
        }
    }
}
