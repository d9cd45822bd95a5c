using System.Collections.Concurrent;
using System.Diagnostics;
using VmControl.Drivers.Libvirt;

namespace VmControl.Bench.Libvirt;

/// <summary>
/// When libvirt's lifecycle event for a domain reached a client: the bench's own subscription (the driver's feed on a
/// connection of its own), so an out-of-band change's time splits into libvirt's part (the change until its event) and
/// VmControl's (the event until <c>powerState</c> shows it).
/// </summary>
internal sealed class EventClock : IDisposable
{
    private readonly LibvirtPowerEvents events = new();
    private readonly LibvirtDriver driver;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> heard = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task listening;

    private EventClock(LibvirtDriverOptions options)
    {
        driver = new LibvirtDriver(options, events);
        listening = ListenAsync();
    }

    /// <summary>Subscribed once this returns (the driver's first call opens the connection and registers for events).</summary>
    public static async Task<EventClock> StartAsync(LibvirtDriverOptions options)
    {
        var clock = new EventClock(options);
        await clock.driver.ListPowerStatesAsync(null);
        return clock;
    }

    /// <summary>The first <see cref="Stopwatch"/> timestamp after <paramref name="since"/> at which an event named the domain.</summary>
    public long? FirstAfter(string uuid, long since) =>
        heard.TryGetValue(uuid, out var times) ? times.Where(t => t > since).Cast<long?>().FirstOrDefault() : null;

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            listening.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        driver.Dispose();
        events.Dispose();
        stop.Dispose();
    }

    private async Task ListenAsync()
    {
        while (true)
        {
            var changes = await events.WaitForChangesAsync(stop.Token);
            var at = Stopwatch.GetTimestamp();
            foreach (var machine in changes.Machines)
            {
                heard.GetOrAdd(machine, _ => new ConcurrentQueue<long>()).Enqueue(at);
            }
        }
    }
}
