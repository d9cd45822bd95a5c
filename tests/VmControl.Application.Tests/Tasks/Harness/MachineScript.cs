namespace VmControl.Application.Tests.Tasks.Harness;

/// <summary>What <see cref="ScriptedDriver"/> does for one machine, and how often it was called.</summary>
internal sealed class MachineScript
{
    private int begins;
    private int polls;

    /// <summary>Runs after the simulator accepted a begin, before the activity sees the operation.</summary>
    public Action? AfterBegin { get; set; }

    /// <summary>Runs before every poll.</summary>
    public Action? BeforePoll { get; set; }

    /// <summary>Answers polls instead of the simulator (may throw, as a driver does).</summary>
    public Func<HypervisorOperation, OperationProgress>? Poll { get; set; }

    public int Begins => Volatile.Read(ref begins);

    public int Polls => Volatile.Read(ref polls);

    public void CountBegin() => Interlocked.Increment(ref begins);

    public void CountPoll() => Interlocked.Increment(ref polls);
}
