namespace VmControl.Application.Tests.Support;

/// <summary>The system clock moved by a fixed offset: power sync "later" while the engine runs in real time.</summary>
internal sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
