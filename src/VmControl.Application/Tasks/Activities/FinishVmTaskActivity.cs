using Microsoft.DurableTask;

namespace VmControl.Application.Tasks.Activities;

/// <summary>
/// The last step of a task that had to be followed (or whose begin step could not write its end): reads the machine's
/// power when the failure rule needs it, then ends the task (<see cref="TaskEnding"/>).
/// </summary>
public sealed class FinishVmTaskActivity(IVmStore store, IActionLog log, IHypervisorDriver driver, TimeProvider time)
    : TaskActivity<FinishInput, VmTaskOutcome>
{
    public override async Task<VmTaskOutcome> RunAsync(TaskActivityContext context, FinishInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Telemetry.TaskSpan.Tag(input.Task.VmId, input.Task.ActionId);
        var finish = await TaskEnding.WithPowerAsync(driver, input).ConfigureAwait(false);
        return await TaskEnding.EndAsync(store, log, time, finish, seen: null).ConfigureAwait(false);
    }
}
