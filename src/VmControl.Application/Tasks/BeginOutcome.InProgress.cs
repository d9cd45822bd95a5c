namespace VmControl.Application.Tasks;

public abstract partial record BeginOutcome
{
    /// <summary>
    /// The hypervisor accepted the operation and it is still under way: poll it after <see cref="Wait"/>.
    /// <see cref="ActionRow"/> is the action record as the step left it; <see cref="Unrecorded"/> holds the steps the
    /// begin could not write (the store did not answer), for the finish step to write with the end.
    /// </summary>
    public sealed record InProgress(
        HypervisorOperation Operation,
        TimeSpan Wait,
        ActionState? ActionRow,
        IReadOnlyList<ActionEvent>? Unrecorded = null) : BeginOutcome;
}
