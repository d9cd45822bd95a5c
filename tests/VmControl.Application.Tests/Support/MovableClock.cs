namespace VmControl.Application.Tests.Support;

/// <summary>
/// The system clock moved to an instant a test picks and running on from there in real time, so the engine's timers
/// and the tasks' deadlines stay real. Only ever moved forward: a deadline set at a later reading never looks past.
/// </summary>
internal sealed class MovableClock : TimeProvider
{
    private long offsetTicks;

    public MovableClock(DateTimeOffset start) => MoveTo(start);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void MoveTo(DateTimeOffset at)
    {
        var offset = at - System.GetUtcNow();
        if (offset.Ticks < Interlocked.Read(ref offsetTicks))
        {
            throw new InvalidOperationException($"The clock only moves forward: {at:O} is before {GetUtcNow():O}.");
        }

        Interlocked.Exchange(ref offsetTicks, offset.Ticks);
    }
}
