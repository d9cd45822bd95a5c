using VmControl.Application.Schedules;
using static VmControl.Application.Tests.Schedules.ScheduleSamples;

namespace VmControl.Application.Tests.Schedules;

/// <summary>
/// The tick through the real stores and use cases: London office hours (08:00-18:00 weekdays) on one VM per test, the
/// clock moved to the instants the story needs.
/// </summary>
[Collection(ScheduleSystemCollection.Name)]
public sealed class ScheduleTickTests(ScheduleTickFixture fixture) : IAsyncLifetime
{
    private readonly List<string> schedules = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Each test's schedule goes with it (pass or fail), so the next test's tick counts only its own VM.</summary>
    public async Task DisposeAsync()
    {
        foreach (var id in schedules)
        {
            await fixture.Store.Schedules.DeleteAsync(id, null);
        }
    }

    private TaskSystem System => fixture.System;

    private async Task<(VmRecord Vm, Schedule Schedule)> StoppedVmOnOfficeHoursAsync(ScheduleMode mode = ScheduleMode.Enforce)
    {
        var vm = await System.CreateActiveVmAsync("sched-" + Guid.NewGuid().ToString("N")[..6]);
        await System.RunAsync(vm.Id, VmAction.Stop);
        var schedule = await fixture.AddAsync(OfficeHours() with { Id = "s" + Guid.NewGuid().ToString("N")[..10], VmIds = [vm.Id], Mode = mode });
        schedules.Add(schedule.Id);
        return (vm, schedule);
    }

    [Fact]
    public async Task OutageFrom0755To0820_ExactlyOneStart_At0820_ThenSteady()
    {
        var monday = fixture.NextMonday();
        var (vm, schedule) = await StoppedVmOnOfficeHoursAsync();

        var before = await fixture.TickAtAsync(monday.AddHours(7).AddMinutes(55));
        var caughtUp = await fixture.TickAtAsync(monday.AddHours(8).AddMinutes(20));
        var whileStarting = await fixture.Tick.RunAsync();
        await System.WaitIdleAsync(vm.Id);
        var steady = await fixture.TickAtAsync(monday.AddHours(8).AddMinutes(21));

        Assert.Equal((0, 1, 0), (before.Issued, caughtUp.Issued, steady.Issued));
        Assert.Equal(0, whileStarting.Issued);
        var start = Assert.Single(await fixture.ActionsOfAsync(vm.Id, schedule.Id));
        Assert.Equal(VmAction.Start.ToWire(), start.Action);
        Assert.InRange(start.RequestedAt, monday.AddHours(8).AddMinutes(20), monday.AddHours(8).AddMinutes(21));
        Assert.Equal(VmState.Active, (await System.Vms.GetAsync(vm.Id))!.VmState);
    }

    [Fact]
    public async Task RespectManual_AManualStopHoldsUntilTheNextPeriod()
    {
        var monday = fixture.NextMonday();
        var (vm, schedule) = await StoppedVmOnOfficeHoursAsync(ScheduleMode.RespectManual);
        await fixture.TickAtAsync(monday.AddHours(8));
        await System.WaitIdleAsync(vm.Id);

        fixture.Clock.MoveTo(monday.AddHours(10));
        var manual = await System.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop, Caller: new Caller("alice", Role.Operator, Projects.Default)));
        Assert.IsType<CommandResult.Accepted>(manual);
        await System.WaitIdleAsync(vm.Id);
        var held = await fixture.TickAtAsync(monday.AddHours(10).AddMinutes(5));
        var evening = await fixture.TickAtAsync(monday.AddHours(18).AddMinutes(1));
        var nextMorning = await fixture.TickAtAsync(monday.AddDays(1).AddHours(8));
        await System.WaitIdleAsync(vm.Id);

        Assert.Equal(0, held.Issued);
        Assert.Contains(held.Skipped, s => s.VmId == vm.Id && s.Reason.StartsWith("manual_hold: stop by alice", StringComparison.Ordinal));
        Assert.Equal(0, evening.Issued);
        Assert.Equal(1, nextMorning.Issued);
        Assert.Equal([VmAction.Start.ToWire(), VmAction.Start.ToWire()], (await fixture.ActionsOfAsync(vm.Id, schedule.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Enforce_AManualStopIsUndoneOnce_AtTheNextTick()
    {
        var monday = fixture.NextMonday();
        var (vm, schedule) = await StoppedVmOnOfficeHoursAsync();
        await fixture.TickAtAsync(monday.AddHours(8));
        await System.WaitIdleAsync(vm.Id);

        fixture.Clock.MoveTo(monday.AddHours(10));
        await System.RunAsync(vm.Id, VmAction.Stop);
        var undo = await fixture.TickAtAsync(monday.AddHours(10).AddMinutes(1));
        await System.WaitIdleAsync(vm.Id);
        var steady = await fixture.TickAtAsync(monday.AddHours(10).AddMinutes(2));

        Assert.Equal((1, 0), (undo.Issued, steady.Issued));
        Assert.Equal(2, (await fixture.ActionsOfAsync(vm.Id, schedule.Id)).Count);
    }

    [Fact]
    public async Task ATickWhileATaskRuns_SkipsTheVmWithItsReason()
    {
        var monday = fixture.NextMonday();
        var (vm, schedule) = await StoppedVmOnOfficeHoursAsync();
        var control = System.Services.GetRequiredService<ISimulatorControl>();
        var hold = await control.AddHoldAsync(vm.Id, VmAction.Start);
        fixture.Clock.MoveTo(monday.AddHours(7));
        Assert.IsType<CommandResult.Accepted>(await System.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Start)));

        var tick = await fixture.TickAtAsync(monday.AddHours(10));
        await control.ReleaseHoldAsync(hold);
        await System.WaitIdleAsync(vm.Id);

        Assert.Equal(0, tick.Issued);
        Assert.Contains(new TickSkip(vm.Id, schedule.Id, "busy: powering_on"), tick.Skipped);
        Assert.Empty(await fixture.ActionsOfAsync(vm.Id, schedule.Id));
    }

    [Fact]
    public async Task OverrideUntil2100_TheStopIsAt2100()
    {
        var monday = fixture.NextMonday();
        var (vm, schedule) = await StoppedVmOnOfficeHoursAsync();
        await fixture.TickAtAsync(monday.AddHours(8));
        await System.WaitIdleAsync(vm.Id);
        fixture.Clock.MoveTo(monday.AddHours(17));
        await fixture.Store.Overrides.AddAsync(new ScheduleOverride
        {
            Id = "o" + Guid.NewGuid().ToString("N")[..10], VmId = vm.Id, Desired = DesiredPower.On, Until = monday.AddHours(21), Reason = "release", Author = "olivia",
            CreatedAt = monday.AddHours(17),
        });

        var at1801 = await fixture.TickAtAsync(monday.AddHours(18).AddMinutes(1));
        var at2100 = await fixture.TickAtAsync(monday.AddHours(21));
        await System.WaitIdleAsync(vm.Id);

        Assert.Equal((0, 1), (at1801.Issued, at2100.Issued));
        var actions = await fixture.ActionsOfAsync(vm.Id, schedule.Id);
        Assert.Equal([VmAction.Start.ToWire(), VmAction.Stop.ToWire()], actions.Select(a => a.Action));
        Assert.InRange(actions[1].RequestedAt, monday.AddHours(21), monday.AddHours(21).AddMinutes(1));
    }

    [Fact]
    public async Task AVmThatStaysStopped_RaisesAScheduleDeviationAlertAndEvent_AfterTheGrace_WithNoSecondStart()
    {
        var monday = fixture.NextMonday();
        var (vm, schedule) = await StoppedVmOnOfficeHoursAsync();
        await System.Services.GetRequiredService<ISimulatorControl>().AddFaultAsync(vm.Id, VmAction.Start, 1, SimulatorFaultKind.Permanent);

        var first = await fixture.TickAtAsync(monday.AddHours(8));
        await System.WaitIdleAsync(vm.Id);
        var withinGrace = await fixture.TickAtAsync(monday.AddHours(8).AddMinutes(3));
        var pastGrace = await fixture.TickAtAsync(monday.AddHours(8).AddMinutes(6));

        Assert.Equal((1, 0, 0), (first.Issued, withinGrace.Issued, pastGrace.Issued));
        Assert.Equal((0, 1), (withinGrace.Deviations, pastGrace.Deviations));
        var alert = Assert.Single(await System.AlertsOfAsync(vm.Id, AlertKind.ScheduleDeviation));
        Assert.Equal(AlertStatus.Open, alert.Status);
        Assert.Contains(schedule.Id, alert.Message, StringComparison.Ordinal);
        var opened = Assert.Single(fixture.Events.Of("vms/" + vm.Id), e => e.Type == VmControl.Application.Events.EventTypes.AlertOpened);
        Assert.Contains("\"kind\":\"schedule_deviation\"", opened.Data.ToString(), StringComparison.Ordinal);
        Assert.Single(await fixture.ActionsOfAsync(vm.Id, schedule.Id));
    }
}
