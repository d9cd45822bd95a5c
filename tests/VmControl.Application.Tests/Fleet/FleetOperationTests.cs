using System.Globalization;
using VmControl.Application.Fleet;
using VmControl.Drivers.Simulated;

namespace VmControl.Application.Tests.Fleet;

/// <summary>Fleet operations through the real engine, stores and simulator: tiers, readiness, delay, faults, cancel, the lock.</summary>
public sealed class FleetOperationTests(FleetSystem system) : IClassFixture<FleetSystem>
{
    [Fact]
    public async Task SixtyVmsInThreeTiers_StartInOrderAfterReadinessAndDelay_AndAFaultyVmFailsAlone()
    {
        var run = Guid.NewGuid().ToString("N");
        var vms = await system.CreateVmsAsync(60, i => new() { ["run"] = run, ["tier"] = (1 + (i % 3)).ToString(CultureInfo.InvariantCulture) });
        var stop = await system.StartAsync(FleetSystem.Request(VmAction.Stop, Selected(run)) with { Concurrency = 60 });
        var (stopped, _) = await system.WaitFinishedAsync(stop.Id);
        Assert.Equal(FleetStatus.Succeeded, stopped.Status);
        var faulty = vms.First(vm => vm.Tags["tier"] == "2");
        system.Tasks.Simulator.AddFault(faulty.Id, VmAction.Start, 100, FaultKind.Permanent);

        var delay = TimeSpan.FromSeconds(1);
        var start = await system.StartAsync(FleetSystem.Request(VmAction.Start, Selected(run)) with
        {
            TierTag = "tier",
            TierDelay = delay,
            Readiness = new FleetReadiness(FleetReadinessCondition.PowerRunning, null, TimeSpan.FromSeconds(30)),
            Concurrency = 10,
        });
        var (operation, results) = await system.WaitFinishedAsync(start.Id);

        Assert.Equal(FleetStatus.PartiallySucceeded, operation.Status);
        Assert.Equal(3, operation.TierCount);
        Assert.Equal(60, results.Count);
        var failed = Assert.Single(results, r => r.Status != FleetVmStatus.Succeeded);
        Assert.Equal((faulty.Id, FleetVmStatus.Failed), (failed.VmId, failed.Status));
        Assert.All(results, r => Assert.Equal(vms.Single(vm => vm.Id == r.VmId).Tags["tier"], r.Tier.ToString(CultureInfo.InvariantCulture)));

        var actions = await system.ActionsOfAsync(operation, vms.Select(vm => vm.Id));
        Assert.All(actions.Values, list => Assert.Single(list));
        for (var tier = 2; tier <= 3; tier++)
        {
            var previous = Tier(actions, results, tier - 1).Where(a => a.Status == ActionStatus.Succeeded).ToList();
            var ready = previous.Max(a => a.FinishedAt!.Value);
            var firstRequested = Tier(actions, results, tier).Min(a => a.RequestedAt);
            Assert.True(firstRequested >= ready + delay, $"Tier {tier} began at {firstRequested:O}, before tier {tier - 1} was ready ({ready:O}) plus {delay}.");
        }
    }

    [Fact]
    public async Task StopLikeAction_RunsTheTiersLastToFirst()
    {
        var run = Guid.NewGuid().ToString("N");
        var vms = await system.CreateVmsAsync(6, i => new() { ["run"] = run, ["tier"] = (1 + (i % 3)).ToString(CultureInfo.InvariantCulture) });

        var stop = await system.StartAsync(FleetSystem.Request(VmAction.Stop, Selected(run)) with { TierTag = "tier" });
        var (operation, results) = await system.WaitFinishedAsync(stop.Id);

        Assert.Equal(FleetStatus.Succeeded, operation.Status);
        var actions = await system.ActionsOfAsync(operation, vms.Select(vm => vm.Id));
        var byTag = vms.ToLookup(vm => vm.Tags["tier"], vm => actions[vm.Id].Single());
        Assert.True(byTag["3"].Max(a => a.FinishedAt) <= byTag["2"].Min(a => a.RequestedAt), "tier=3 stops before tier=2");
        Assert.True(byTag["2"].Max(a => a.FinishedAt) <= byTag["1"].Min(a => a.RequestedAt), "tier=2 stops before tier=1");
        Assert.All(results.Where(r => vms.Single(vm => vm.Id == r.VmId).Tags["tier"] == "3"), r => Assert.Equal(1, r.Tier));
    }

    [Fact]
    public async Task Cancel_IssuesNothingNew_TheActionsInFlightFinish_AndTheCountsAddUp()
    {
        var run = Guid.NewGuid().ToString("N");
        var vms = await system.CreateVmsAsync(10, _ => new() { ["run"] = run });
        var holds = await Task.WhenAll(vms.Select(vm => system.Tasks.Services.GetRequiredService<ISimulatorControl>().AddHoldAsync(vm.Id, VmAction.Reboot)));

        var reboot = await system.StartAsync(FleetSystem.Request(VmAction.Reboot, Selected(run)) with { Concurrency = 3 });
        await WaitUntilAsync(async () => (await system.Store.ResultsAsync(reboot.Id)).Count(r => r.Status == FleetVmStatus.Running) == 3);
        var cancelled = Assert.IsType<FleetAnswer.Accepted>(await system.Fleet.CancelAsync(reboot.Id, FleetSystem.Operator));
        Assert.True(cancelled.Operation.CancelRequested);
        await Task.Delay(600);
        foreach (var hold in holds)
        {
            await system.Tasks.Services.GetRequiredService<ISimulatorControl>().ReleaseHoldAsync(hold);
        }

        var (operation, results) = await system.WaitFinishedAsync(reboot.Id);

        Assert.Equal(FleetStatus.Cancelled, operation.Status);
        Assert.Equal(10, results.Count);
        Assert.Equal(3, results.Count(r => r.Status == FleetVmStatus.Succeeded));
        Assert.Equal(7, results.Count(r => r.Status == FleetVmStatus.Cancelled));
        var actions = await system.ActionsOfAsync(operation, vms.Select(vm => vm.Id));
        Assert.Equal(3, actions.Values.Sum(list => list.Count));
        Assert.IsType<FleetAnswer.Finished>(await system.Fleet.CancelAsync(reboot.Id, FleetSystem.Operator));
    }

    [Fact]
    public async Task FleetAndSingleActionsOnTheSameVms_EveryVmRunsOneTaskAtATime()
    {
        var run = Guid.NewGuid().ToString("N");
        var vms = await system.CreateVmsAsync(20, _ => new() { ["run"] = run });
        system.Tasks.Simulator.LatencyMs = 100;
        try
        {
            var fleet = system.StartAsync(FleetSystem.Request(VmAction.Reboot, Selected(run)) with { Concurrency = 20 });
            var singles = vms.Select(vm => system.Tasks.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Reboot))).ToList();
            var operation = await fleet;
            await Task.WhenAll(singles);
            var (done, results) = await system.WaitFinishedAsync(operation.Id);
            await Task.WhenAll(vms.Select(vm => system.Tasks.WaitIdleAsync(vm.Id)));

            Assert.All(results, r => Assert.True(
                r.Status == FleetVmStatus.Succeeded || (r.Status == FleetVmStatus.Skipped && r.Code == "task_in_progress"),
                $"{r.VmId}: {r.Status} {r.Code}"));
            foreach (var vm in vms)
            {
                var history = (await system.Tasks.Actions.ListAsync(vm.Id, 100, null)).Items
                    .Where(a => a.Action == "reboot").OrderBy(a => a.StartedAt).ToList();
                for (var i = 1; i < history.Count; i++)
                {
                    Assert.True(history[i].StartedAt >= history[i - 1].FinishedAt, $"VM {vm.Id} ran two tasks at once.");
                }
            }
        }
        finally
        {
            system.Tasks.Simulator.LatencyMs = 0;
        }
    }

    [Fact]
    public async Task ThrottledDriver_TheOperationCompletes_AndTheDriverNeverLetsMoreThanItsLimitThrough()
    {
        var run = Guid.NewGuid().ToString("N");
        var vms = await system.CreateVmsAsync(30, _ => new() { ["run"] = run });
        var throttle = system.Tasks.Simulator.Throttle;
        throttle.Set(20, TimeSpan.FromSeconds(5));
        try
        {
            // All 30 begins come in one window: the driver lets 20 through and refuses 10 with a Retry-After to the
            // window's end, which parks the shared budget; the refused tasks retry by their own policy and succeed.
            var reboot = await system.StartAsync(FleetSystem.Request(VmAction.Reboot, Selected(run)) with { Concurrency = 30 });
            var (operation, results) = await system.WaitFinishedAsync(reboot.Id);

            Assert.Equal(FleetStatus.Succeeded, operation.Status);
            Assert.Equal(30, results.Count(r => r.Status == FleetVmStatus.Succeeded));
            Assert.InRange(throttle.MostInAWindow, 1, 20);
            Assert.True(throttle.Refused >= 10, $"The throttle refused {throttle.Refused} begins; 30 in one window must meet at least 10 refusals.");
        }
        finally
        {
            throttle.Set(0, TimeSpan.FromMinutes(1));
        }
    }

    private static Selector Selected(string run) => new() { Tags = new TagFilter(["run=" + run], [], [], []) };

    private static IEnumerable<ActionRecord> Tier(IReadOnlyDictionary<string, IReadOnlyList<ActionRecord>> actions, IReadOnlyList<FleetVmResult> results, int tier) =>
        results.Where(r => r.Tier == tier).Select(r => actions[r.VmId].Single());

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold within 30 s.");
            await Task.Delay(50);
        }
    }
}
