using VmControl.Application.Schedules;

namespace VmControl.Functions;

/// <summary>
/// The schedule tick (docs/schedules.md), every minute at second 30 (power sync runs at second 0, so the two do not
/// start together). A fixed CRON, not a setting: the tick compares states, so its period only bounds how late a change
/// is made, and a missed tick is caught up by the next one. Functions runs a timer trigger on one instance at a time.
/// </summary>
public sealed class ScheduleTickTimer(ScheduleTick tick)
{
    public const string EveryMinute = "30 * * * * *";

    [Function(nameof(ScheduleTickTimer))]
    public async Task Run(
        [TimerTrigger(EveryMinute)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        // The actions it issues start tasks through the invocation's Durable client.
        using var scope = DurableClientScope.Use(client);
        await tick.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
