using Microsoft.DurableTask;

namespace VmControl.Application.Tasks;

/// <summary>
/// How a begin step that failed on every attempt ends the task. Only a hypervisor that refused every attempt is known to
/// have changed nothing; when the store failed instead (or anything else), an earlier attempt may have reached the
/// hypervisor, so the begin's effect is unknown and counts as started: the action's failure rule for a started
/// operation applies, under a code that names the store, never the hypervisor.
/// </summary>
internal static class BeginFailures
{
    public static FinishInput Finish(VmTaskInput input, TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var cause = failure.InnerFailure;
        var error = cause?.IsCausedBy<HypervisorException>() == true
            ? new HypervisorError("hypervisor_unavailable", failure.ErrorMessage, Transient: false, FailureKind.NothingChanged)
            : cause?.IsCausedBy<StoreUnavailableException>() == true
                ? new HypervisorError("store_unavailable", failure.ErrorMessage, Transient: false, FailureKind.Started)
                : new HypervisorError("begin_failed", failure.ErrorMessage, Transient: false, FailureKind.Started);
        return new FinishInput(input, Succeeded: false, null, error, null);
    }
}
