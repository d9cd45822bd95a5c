using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks.Activities;

/// <summary>One poll of a hypervisor operation, recording the step when it has ended; shared by the begin and poll activities.</summary>
internal static class Polling
{
    public static async Task<OperationProgress> PollAsync(
        IHypervisorDriver driver,
        IActionLog log,
        TimeProvider time,
        string vmId,
        string actionId,
        HypervisorOperation operation)
    {
        OperationProgress progress;
        try
        {
            progress = await driver.PollAsync(operation).ConfigureAwait(false);
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
                vmId, actionId, new ActionEvent("hypervisor.complete", time.GetUtcNow(), result, detail))).ConfigureAwait(false);
        }

        return progress;
    }
}
