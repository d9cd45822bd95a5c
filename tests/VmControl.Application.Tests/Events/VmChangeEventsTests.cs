using VmControl.Application.Events;

namespace VmControl.Application.Tests.Events;

public sealed class VmChangeEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<VmStatus, VmStatus, string[]> Writes => new()
    {
        { new(VmState.Active, null, PowerState.Running), new(VmState.Active, null, PowerState.Running), [] },
        { new(VmState.Active, null, PowerState.Running), new(VmState.Active, TaskState.PoweringOff, PowerState.Running), [EventTypes.VmStateChanged] },
        { new(VmState.Active, TaskState.PoweringOff, PowerState.Running), new(VmState.Stopped, null, PowerState.Shutdown), [EventTypes.VmStateChanged, EventTypes.VmPowerChanged] },
        { new(VmState.Active, null, PowerState.Running), new(VmState.Active, null, PowerState.Crashed), [EventTypes.VmPowerChanged] },
        { new(VmState.Stopped, TaskState.Deleting, PowerState.Shutdown), new(VmState.HardDeleted, null, PowerState.NoState), [EventTypes.VmDeleted, EventTypes.VmPowerChanged] },
        { new(VmState.HardDeleted, null, PowerState.NoState), new(VmState.HardDeleted, null, PowerState.NoState), [] },
        { new(VmState.Active, null, PowerState.Running), new(VmState.SoftDeleted, null, PowerState.Running), [EventTypes.VmStateChanged] },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public void Between_PublishesWhatTheWriteChanged(VmStatus before, VmStatus after, string[] types)
    {
        var vm = new VmRecord { Id = VmIds.New(), Name = "n", Size = "s", Image = "i", Driver = "simulated", Project = "blue" }.With(after);

        var events = VmChangeEvents.Between(before, vm, At);

        Assert.Equal(types, events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(("blue", VmEvent.SubjectOf(vm.Id), At), (e.Project, e.Subject, e.Time)));
        Assert.Equal(events.Select(e => e.Id).Order(StringComparer.Ordinal), events.Select(e => e.Id));
        Assert.All(events, e => Assert.True(EventIds.IsValid(e.Id), e.Id));
    }

    [Fact]
    public void Between_WithoutTheStoredStatus_PublishesNothing()
    {
        var vm = new VmRecord { Id = VmIds.New(), Name = "n", Size = "s", Image = "i", Driver = "simulated" };

        Assert.Empty(VmChangeEvents.Between(null, vm, At));
    }
}
