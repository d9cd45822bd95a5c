using Microsoft.DurableTask;
using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks.Activities;

/// <summary>Asks the hypervisor how the operation is doing; records the step when it has ended.</summary>
public sealed class PollOperationActivity(IHypervisorDriver driver, IActionLog log, TimeProvider time) : TaskActivity<PollInput, OperationProgress>
{
    public override async Task<OperationProgress> RunAsync(TaskActivityContext context, PollInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        OperationProgress progress;
        try
        {
            progress = await driver.PollAsync(input.Operation).ConfigureAwait(false);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            throw new TransientFailureException(ex.Message, ex);
        }
        catch (HypervisorException ex)
        {
            progress = new OperationProgress(OperationState.Failed, Error: ex.Error);
        }

        if (progress.State != OperationState.InProgress)
        {
            var result = progress.State == OperationState.Succeeded ? "ok" : "error";
            var detail = progress.Error?.Message ?? progress.Power?.Detail;
            await StoreCalls.Transient(() => log.AddEventAsync(
                input.VmId, input.ActionId, new ActionEvent("hypervisor.complete", time.GetUtcNow(), result, detail))).ConfigureAwait(false);
        }

        return progress;
    }
}
