using Microsoft.DurableTask;

namespace VmControl.Application.Tasks.Activities;

/// <summary>Asks the hypervisor how the operation is doing (the finish step records how it ended).</summary>
public sealed class PollOperationActivity(IHypervisorDriver driver) : TaskActivity<PollInput, OperationProgress>
{
    public override Task<OperationProgress> RunAsync(TaskActivityContext context, PollInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Telemetry.TaskSpan.Tag(input.VmId, input.ActionId);
        return Polling.PollAsync(driver, input.Operation);
    }
}
