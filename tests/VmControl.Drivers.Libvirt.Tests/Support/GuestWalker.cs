using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>
/// One real guest walked through the lifecycle by the API: after each action, the API's vm_state is the table's
/// (<see cref="Lifecycle.OnSuccess"/>), and the domain's actual state (virsh), the API's power state and the guest's
/// console agree with it. A boot is checked on the console: a soft reboot is a new boot, a resume is not.
/// </summary>
public sealed class GuestWalker(LibvirtHostFixture host, EdgePool pool, ITestOutputHelper output, string name)
{
    private static readonly HashSet<VmAction> Boots =
        [VmAction.Start, VmAction.Reboot, VmAction.RebootHard, VmAction.Rescue, VmAction.Unrescue, VmAction.Rebuild, VmAction.Restore, VmAction.Resize, VmAction.RevertResize];

    private VmStatus status = new(VmState.Active);
    private string size = "small";
    private string sizeBeforeResize = "small";
    private string vmId = string.Empty;

    // Boots counted before an action that boots the guest, until that boot has been seen on the console.
    private int? bootPending;

    public int Steps { get; private set; }

    /// <summary>Walks until the pool is empty; a failure cancels <paramref name="all"/>, so the other walkers stop too.</summary>
    public async Task RunAsync(CancellationTokenSource all)
    {
        ArgumentNullException.ThrowIfNull(all);
        try
        {
            await WalkAsync(all.Token);
        }
        catch (Exception) when (!all.IsCancellationRequested)
        {
            await all.CancelAsync();
            throw;
        }
    }

    private async Task WalkAsync(CancellationToken cancellationToken)
    {
        vmId = await host.Api.CreateActiveVmAsync(name, "tiny", cancellationToken);
        bootPending = 0;
        while (pool.Next(name, status) is { } action)
        {
            await StepAsync(action, cancellationToken);
        }

        output.WriteLine($"{name}: delete from {status.VmState.ToWire()}");
        await host.Api.StartActionAsync(vmId, """{"action":"delete"}""", cancellationToken);
        await host.Api.WaitVmAsync(vmId, vm => vm.Str("vmState") == "hard_deleted", cancellationToken);
        Assert.Null(Virsh.State(LibvirtHostFixture.DomainOf(vmId)));
    }

    private async Task StepAsync(VmAction action, CancellationToken cancellationToken)
    {
        var domain = LibvirtHostFixture.DomainOf(vmId);
        var console = host.Console(vmId);

        // The power button and the console checks need a booted guest; the other actions do not wait for one.
        if (bootPending is { } boots && action is VmAction.Stop or VmAction.Reboot or VmAction.SoftDelete or VmAction.Suspend or VmAction.Pause)
        {
            await WaitBootAsync(boots, cancellationToken);
            bootPending = null;
        }

        var before = console.Read();
        var newSize = size == "small" ? "medium" : "small";
        var body = action switch
        {
            VmAction.Resize => JsonSerializer.Serialize(new { action = "resize", size = newSize }),
            VmAction.Snapshot or VmAction.Backup => JsonSerializer.Serialize(new { action = action.ToWire(), name = $"{vmId}-{action.ToWire()}-{Steps}" }),
            _ => JsonSerializer.Serialize(new { action = action.ToWire() }),
        };
        var clock = Stopwatch.StartNew();
        var actionId = await host.Api.StartActionAsync(vmId, body, cancellationToken);
        var ended = await host.Api.WaitActionEndedAsync(vmId, actionId, cancellationToken);
        var took = clock.ElapsedMilliseconds;
        Assert.True(ended.Str("status") == "succeeded", $"{name}: {action.ToWire()} from {status.VmState.ToWire()}: {ended}");

        var expected = Lifecycle.OnSuccess(status, action);
        var vm = await host.Api.WaitIdleAsync(vmId, cancellationToken);
        var (domainState, managedSave, power) = Expect(expected);
        var context = $"{name}: {action.ToWire()} from {status.VmState.ToWire()}";
        Assert.Equal((expected.VmState.ToWire(), power), (vm.Str("vmState"), vm.Str("powerState")));
        Assert.True(domainState == Virsh.State(domain), $"{context}: domain is {Virsh.State(domain)}, expected {domainState}");
        Assert.True(managedSave == Virsh.HasManagedSave(domain), $"{context}: managed save expected {managedSave}");
        Assert.Equal(expected.VmState == VmState.Rescued, Virsh.Must("dumpxml", domain).Contains(LibvirtDomainXml.RescueArgument, StringComparison.Ordinal));
        if (action is VmAction.Resize or VmAction.RevertResize)
        {
            (size, sizeBeforeResize) = action == VmAction.Resize ? (newSize, size) : (sizeBeforeResize, sizeBeforeResize);
            Assert.Equal(size, vm.Str("size"));
            Assert.Equal(size == "medium" ? 2 : 1, Virsh.Vcpus(domain));
        }
        else if (action == VmAction.ConfirmResize)
        {
            Assert.Equal(size, vm.Str("size"));
        }

        if (domainState != "running")
        {
            bootPending = null;
        }
        else if (action == VmAction.Reboot)
        {
            // A soft reboot is a new boot: a new ready line with a new boot id.
            await WaitBootAsync(before.Boots, cancellationToken);
            Assert.NotEqual(before.BootId, console.Read().BootId);
        }
        else if (Boots.Contains(action))
        {
            bootPending ??= before.Boots;
        }
        else if (action is VmAction.Resume or VmAction.Unpause)
        {
            // The same boot goes on: its beats continue and no new "ready" line appears.
            var after = await WaitAsync(v => v.Beats > before.Beats, cancellationToken);
            Assert.Equal((before.Boots, before.BootId), (after.Boots, after.LastBeatBootId));
        }

        Steps++;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{context} -> {expected.VmState.ToWire()} / {domainState} in {took} ms"));
        status = expected;
    }

    // The domain state, managed save and API power state a vm_state must show on this driver.
    private static (string Domain, bool ManagedSave, string Power) Expect(VmStatus expected) => expected.VmState switch
    {
        VmState.Active or VmState.Rescued => ("running", false, "running"),
        VmState.Paused => ("paused", false, "paused"),
        VmState.Suspended => ("shut off", true, "suspended"),
        VmState.Resized when expected.StateBeforeResize == VmState.Stopped => ("shut off", false, "shutdown"),
        VmState.Resized => ("running", false, "running"),
        _ => ("shut off", false, "shutdown"),
    };

    // A boot after the given count has printed its ready line and a beat (its power-button watcher is up by then).
    private async Task WaitBootAsync(int bootsBefore, CancellationToken cancellationToken) =>
        await WaitAsync(v => v.Boots > bootsBefore && v.BeatsOfLastBoot >= 1, cancellationToken);

    // Bounded per wait (a TCG boot of four guests on two shared cores takes seconds, not a minute), with what the
    // console and libvirt showed when it gave up.
    private async Task<GuestView> WaitAsync(Func<GuestView, bool> done, CancellationToken cancellationToken)
    {
        var console = host.Console(vmId);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var view = console.Read();
            if (done(view))
            {
                return view;
            }

            try
            {
                await Task.Delay(100, bound.Token);
            }
            catch (OperationCanceledException)
            {
                var domain = LibvirtHostFixture.DomainOf(vmId);
                throw new TimeoutException($"{name} ({vmId}): the console did not show what was awaited: {view}; domain {Virsh.State(domain)}; console tail: {console.Tail()}");
            }
        }
    }
}
