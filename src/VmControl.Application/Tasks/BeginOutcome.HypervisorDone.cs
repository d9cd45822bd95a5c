namespace VmControl.Application.Tasks;

public abstract partial record BeginOutcome
{
    /// <summary>
    /// The hypervisor part is over (or never started) but its outcome is not written yet: the finish step writes
    /// <see cref="Finish"/>.
    /// </summary>
    public sealed record HypervisorDone(FinishInput Finish) : BeginOutcome;
}
