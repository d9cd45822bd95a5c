namespace VmControl.Application.Tasks;

public abstract partial record BeginOutcome
{
    /// <summary>The task ended inside the begin step, and its end is recorded (pre-empted, or the hypervisor answered at once).</summary>
    public sealed record Ended(VmTaskOutcome Outcome) : BeginOutcome;
}
