namespace VmControl.Application.Tests.Model;

public sealed class ActionChangeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly ActionState Fresh = new(null, [], null, "e0");

    private static ActionEvent Started(int s) => new(ActionChange.StartedStep, T0.AddSeconds(s), "ok");

    [Fact]
    public void Apply_StartEventsAndEnd_OnARunningAction_RecordsAllWithTheTerminalEventLast()
    {
        var change = new ActionChange(T0, [Started(0), new ActionEvent("hypervisor.begin", T0.AddSeconds(1), "ok")],
            new ActionEnd(ActionStatus.Failed, VmState.Error, new ActionError("boom", "disk lost"), T0.AddSeconds(2)));

        var next = change.Apply(Fresh)!;

        Assert.Equal(T0, next.StartedAt);
        Assert.Equal(ActionStatus.Failed, next.Status);
        Assert.Equal([ActionChange.StartedStep, "hypervisor.begin", "task.failed"], next.Events.Select(e => e.Step));
        Assert.Equal("disk lost", next.Events[^1].Detail);
        Assert.Equal("e0", next.ETag);
    }

    [Fact]
    public void Apply_AStartedEventWithoutAStartTime_TakesTheEventsTimeAsTheStart()
    {
        var next = new ActionChange(Events: [Started(3)], End: new ActionEnd(ActionStatus.Succeeded, VmState.Stopped, null, T0.AddSeconds(4))).Apply(Fresh)!;

        Assert.Equal(T0.AddSeconds(3), next.StartedAt);
    }

    [Fact]
    public void Apply_ASecondStart_KeepsTheFirstTimeAndDropsTheRepeatedStartedEvent()
    {
        var once = new ActionChange(T0, [Started(0)]).Apply(Fresh)!;

        var twice = new ActionChange(T0.AddSeconds(5), [Started(5), new ActionEvent("hypervisor.begin", T0.AddSeconds(6), "ok")]).Apply(once)!;

        Assert.Equal(T0, twice.StartedAt);
        Assert.Equal([ActionChange.StartedStep, "hypervisor.begin"], twice.Events.Select(e => e.Step));
    }

    [Fact]
    public void Apply_AnEndAfterTheActionEnded_ChangesNothing()
    {
        var preempted = new ActionChange(End: new ActionEnd(ActionStatus.Preempted, null, new ActionError("preempted", "delete"), T0)).Apply(Fresh)!;

        var late = new ActionChange(End: new ActionEnd(ActionStatus.Succeeded, VmState.Stopped, null, T0.AddSeconds(1))).Apply(preempted);

        Assert.Null(late);
    }

    [Fact]
    public void Apply_EventsAfterTheEnd_KeepsOrdinaryStepsAndDropsASecondTerminalStep()
    {
        var ended = new ActionChange(End: new ActionEnd(ActionStatus.Preempted, null, null, T0.AddSeconds(1))).Apply(Fresh)!;

        var next = new ActionChange(Events: [new ActionEvent("hypervisor.complete", T0, "ok"), new ActionEvent("task.succeeded", T0.AddSeconds(2), "ok")])
            .Apply(ended)!;

        Assert.Equal(ActionStatus.Preempted, next.Status);
        Assert.Equal(["hypervisor.complete", "task.preempted"], next.Events.Select(e => e.Step));
    }

    [Fact]
    public void Apply_ATerminalEventGivenWithTheEnd_IsNotDoubled()
    {
        var end = new ActionEnd(ActionStatus.Succeeded, VmState.Stopped, null, T0);

        var next = new ActionChange(Events: [new ActionEvent("task.succeeded", T0, "ok")], End: end).Apply(Fresh)!;

        Assert.Single(next.Events);
    }

    [Fact]
    public void Apply_NothingNew_ReturnsNull()
    {
        Assert.Null(new ActionChange().Apply(Fresh));
        Assert.Null(new ActionChange(Events: [Started(1)]).Apply(new ActionState(T0, [Started(0)], null, "e1")));
    }
}
