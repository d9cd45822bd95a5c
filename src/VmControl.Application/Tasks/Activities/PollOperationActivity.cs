using Microsoft.DurableTask;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks.Activities;

/// <summary>Asks the hypervisor how the operation is doing; records the step when it has ended.</summary>
public sealed class PollOperationActivity(IHypervisorDriver driver, IActionLog log, TimeProvider time) : TaskActivity<PollInput, OperationProgress>
{
    public override Task<OperationProgress> RunAsync(TaskActivityContext context, PollInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Polling.PollAsync(driver, log, time, input.VmId, input.ActionId, input.Operation);
    }
}
