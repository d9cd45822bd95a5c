using Microsoft.Extensions.Logging;

namespace VmControl.Application.Tests.UseCases;

/// <summary>
/// A start that fails after the claim, over the real stores and engine with a failing launcher at its seam: the claim
/// is given back and the action failed; a storage failure stays a storage failure, a bug stays the bug, and a give-back
/// that fails too is logged without replacing the first failure.
/// </summary>
public sealed class TaskStarterTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    [Fact]
    public async Task StartFailing_WithTheEngineUnreachable_ReleasesTheClaim_AndThrowsStoreUnavailable()
    {
        var vm = await system.CreateActiveVmAsync();
        var request = RequestActionWith(new FailingEngine(() => new StoreUnavailableException("The Durable engine did not answer.")), system.Vms, out _);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => request.RequestAsync(new ActionRequest(vm.Id, VmAction.Stop)));

        await AssertReleasedAsync(vm.Id);

        // The VM is usable again through the real engine.
        var retried = await system.RunAsync(vm.Id, VmAction.Stop);
        Assert.Equal(ActionStatus.Succeeded, retried.Status);
    }

    [Fact]
    public async Task StartFailing_WithABug_ReleasesTheClaim_AndRethrowsTheBugUnwrapped()
    {
        var vm = await system.CreateActiveVmAsync("vm-bug");
        var request = RequestActionWith(new FailingEngine(() => new InvalidOperationException("A bug.")), system.Vms, out var log);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => request.RequestAsync(new ActionRequest(vm.Id, VmAction.Stop)));

        Assert.Equal("A bug.", thrown.Message);
        await AssertReleasedAsync(vm.Id);
        var logged = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Same(thrown, logged.Exception);
    }

    [Fact]
    public async Task ReleaseFailing_AfterAFailedStart_LogsBoth_AndThrowsTheFirst()
    {
        var vm = await system.CreateActiveVmAsync("vm-both");
        var store = new BreakableVmStore(system.Vms);
        var request = RequestActionWith(
            new FailingEngine(() =>
            {
                store.Broken = true;
                return new InvalidOperationException("A bug.");
            }),
            store,
            out var log);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => request.RequestAsync(new ActionRequest(vm.Id, VmAction.Stop)));

        var errors = log.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Exception).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Same(thrown, errors[0]);
        Assert.IsType<StoreUnavailableException>(errors[1]);
    }

    [Fact]
    public async Task ReleaseFindingTheStoreDownForAMoment_AfterAFailedStart_WaitsItOut_AndReleasesTheClaim()
    {
        var vm = await system.CreateActiveVmAsync("vm-blip");
        var store = new BreakableVmStore(system.Vms);
        var request = RequestActionWith(
            new FailingEngine(() =>
            {
                // The store goes down between the claim and the give-back, and is back a moment later.
                store.Broken = true;
                _ = Task.Delay(TimeSpan.FromSeconds(1.5)).ContinueWith(_ => store.Broken = false, TaskScheduler.Default);
                return new InvalidOperationException("A bug.");
            }),
            store,
            out var log,
            releaseRetryWindow: TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<InvalidOperationException>(() => request.RequestAsync(new ActionRequest(vm.Id, VmAction.Stop)));

        await AssertReleasedAsync(vm.Id);
        Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
    }

    private async Task AssertReleasedAsync(string vmId)
    {
        var after = await system.Vms.GetAsync(vmId);
        Assert.Null(after!.TaskState);
        Assert.Equal(VmState.Active, after.VmState);
        var history = await system.Actions.ListAsync(vmId, 100, null);
        var stop = Assert.Single(history.Items, a => a.Action == "stop");
        Assert.Equal((ActionStatus.Failed, "start_failed"), (stop.Status, stop.Error?.Code));
    }

    private RequestAction RequestActionWith(
        ITaskLauncher launcher, IVmStore vms, out RecordingLogger<TaskStarter> log, TimeSpan? releaseRetryWindow = null)
    {
        log = new RecordingLogger<TaskStarter>();
        var services = system.Services;
        var opening = new VmOpening(vms);
        var settings = Microsoft.Extensions.Options.Options.Create(new TaskSettings { ReleaseRetryWindow = releaseRetryWindow ?? TimeSpan.Zero });
        var starter = ActivatorUtilities.CreateInstance<TaskStarter>(services, vms, launcher, opening, log, settings);
        var delete = ActivatorUtilities.CreateInstance<DeleteVm>(services, vms, opening, starter);
        return ActivatorUtilities.CreateInstance<RequestAction>(services, vms, opening, starter, delete);
    }

    /// <summary>A Durable engine whose starts fail (a fake at the launcher seam); nothing else is asked of it here.</summary>
    private sealed class FailingEngine(Func<Exception> failure) : ITaskLauncher
    {
        public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default) => throw failure();

        public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    /// <summary>The real store, until <see cref="Broken"/>: then every call fails as a store outage does.</summary>
    private sealed class BreakableVmStore(IVmStore inner) : IVmStore
    {
        public bool Broken { get; set; }

        public Task<VmRecord> CreateAsync(VmRecord vm, CancellationToken cancellationToken = default) => Guard(() => inner.CreateAsync(vm, cancellationToken));

        public Task<VmRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => Guard(() => inner.GetAsync(id, cancellationToken));

        public Task<VmRecord?> TryReplaceAsync(VmRecord vm, CancellationToken cancellationToken = default) => Guard(() => inner.TryReplaceAsync(vm, cancellationToken));

        public Task<Page<VmRecord>> ListAsync(VmQuery query, CancellationToken cancellationToken = default) => Guard(() => inner.ListAsync(query, cancellationToken));

        private Task<T> Guard<T>(Func<Task<T>> call) => Broken ? throw new StoreUnavailableException("The store is down.") : call();
    }
}
