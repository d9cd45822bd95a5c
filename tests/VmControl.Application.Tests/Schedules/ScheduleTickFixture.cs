using VmControl.Application.Schedules;
using VmControl.Testing.Fakes;

namespace VmControl.Application.Tests.Schedules;

/// <summary>
/// One system for the tick tests (the real engine, Table stores on Azurite, the simulator) on a clock the tests move,
/// starting in January 2027 (London is on GMT, so its local times are UTC's). Each test takes its own week.
/// </summary>
public sealed class ScheduleTickFixture : IAsyncLifetime
{
    internal MovableClock Clock { get; } = new(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));

    public RecordingEventSink Events { get; } = new();

    public TaskSystem System { get; }

    public ScheduleTickFixture() => System = new TaskSystem
    {
        ConfigureServices = services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IEventSink>(Events);
            services.AddVmControlSchedules(s => s.DeviationGrace = TimeSpan.FromMinutes(5));
        },
    };

    public ScheduleTick Tick => System.Services.GetRequiredService<ScheduleTick>();

    public IScheduleStore Store => System.Services.GetRequiredService<IScheduleStore>();

    /// <summary>The Monday 00:00 UTC at least a day after the clock, so a test's week is its own.</summary>
    public DateTimeOffset NextMonday()
    {
        var day = Clock.GetUtcNow().UtcDateTime.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day, TimeSpan.Zero);
    }

    /// <summary>Moves the clock to <paramref name="at"/> and runs one tick there.</summary>
    public Task<TickSummary> TickAtAsync(DateTimeOffset at)
    {
        Clock.MoveTo(at);
        return Tick.RunAsync();
    }

    public async Task<Schedule> AddAsync(Schedule schedule) => (await Store.Schedules.AddAsync(schedule))!;

    /// <summary>The actions the schedule requested on the VM, oldest first.</summary>
    public async Task<IReadOnlyList<ActionRecord>> ActionsOfAsync(string vmId, string scheduleId)
    {
        var page = await System.Actions.ListAsync(vmId, 100, null);
        return [.. page.Items.Where(a => a.RequestedBy == Schedule.ActorName(scheduleId)).Reverse()];
    }

    public Task InitializeAsync() => System.InitializeAsync();

    public Task DisposeAsync() => System.DisposeAsync();
}
