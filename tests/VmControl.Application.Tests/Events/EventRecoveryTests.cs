using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VmControl.Application.Events;
using VmControl.Testing.Fakes;

namespace VmControl.Application.Tests.Events;

/// <summary>
/// Recovery rides on the power-sync pass (docs/events.md): events a process committed and never delivered (here: no
/// delivery at all, as if it died right after each write) are found from the VM records the pass reads.
/// </summary>
public sealed class EventRecoveryTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task EventsLeftInTheOutbox_AreHandedToDeliveryByTheNextPass_InOrderWithTheirIds()
    {
        var vm = await system.CreateActiveVmAsync("recovered");
        var stop = await system.RunAsync(vm.Id, VmAction.Stop);
        await system.WaitIdleAsync(vm.Id);
        var outbox = system.Services.GetRequiredService<IOutbox>();
        var left = await PendingAsync(outbox, vm.Id);
        var sink = new RecordingEventSink();

        await system.PowerSync(recovery: Recovery(outbox, sink, TimeSpan.Zero)).RunPassAsync();

        var recovered = sink.RecoveredEntries.Where(e => e.Partition == vm.Id).Select(e => e.Event).ToList();
        Assert.Equal(left.Select(e => e.Id).Order(StringComparer.Ordinal), recovered.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Contains(recovered, e => e.Type == EventTypes.VmCreated);
        Assert.Contains(recovered, e => e.Type == EventTypes.ActionSucceeded && e.Data.Contains(stop.Id, StringComparison.Ordinal));
        Assert.Contains(recovered, e => e.Type == EventTypes.VmStateChanged && e.Data.Contains("\"after\":{\"vmState\":\"stopped\"", StringComparison.Ordinal));
        Assert.NotNull(await outbox.ReadWatermarkAsync());
    }

    [Fact]
    public async Task YoungEvents_AreLeftToTheirWriter_AndTheWatermarkStaysBelowThem()
    {
        var vm = await system.CreateActiveVmAsync("young");
        var outbox = system.Services.GetRequiredService<IOutbox>();
        var oldest = (await PendingAsync(outbox, vm.Id)).Min(e => e.Time);
        var sink = new RecordingEventSink();

        await system.PowerSync(recovery: Recovery(outbox, sink, TimeSpan.FromHours(1))).RunPassAsync();

        Assert.DoesNotContain(sink.RecoveredEntries, e => e.Partition == vm.Id);
        Assert.True(await outbox.ReadWatermarkAsync() <= oldest);
    }

    private static EventRecovery Recovery(IOutbox outbox, RecordingEventSink sink, TimeSpan recoverAfter) =>
        new(outbox, sink, Options.Create(new EventSettings { RecoverAfter = recoverAfter }), NullLogger<EventRecovery>.Instance);

    private static async Task<List<VmEvent>> PendingAsync(IOutbox outbox, string vmId)
    {
        var all = new List<VmEvent>();
        foreach (var table in new[] { OutboxTable.Vms, OutboxTable.Actions, OutboxTable.Alerts })
        {
            all.AddRange((await outbox.ReadPendingAsync(table, vmId)).Select(e => e.Event));
        }

        Assert.NotEmpty(all);
        return all;
    }
}
