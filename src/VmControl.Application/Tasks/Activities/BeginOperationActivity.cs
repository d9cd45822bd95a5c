using Microsoft.DurableTask;
using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks.Activities;

/// <summary>Starts the hypervisor operation. A transient error is thrown (the orchestrator retries); a permanent one is returned.</summary>
public sealed class BeginOperationActivity(IHypervisorDriver driver, IActionLog log, TimeProvider time) : TaskActivity<BeginInput, BeginOutcome>
{
    public override async Task<BeginOutcome> RunAsync(TaskActivityContext context, BeginInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var operation = await driver.BeginAsync(input.Command).ConfigureAwait(false);
            await Record("ok", operation.OperationId).ConfigureAwait(false);
            return new BeginOutcome(operation, null);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            await Record("transient_error", ex.Message).ConfigureAwait(false);
            throw new TransientFailureException(ex.Message, ex);
        }
        catch (HypervisorException ex)
        {
            await Record("error", ex.Message).ConfigureAwait(false);
            return new BeginOutcome(null, ex.Error);
        }

        Task Record(string result, string detail) => StoreCalls.Transient(() =>
            log.AddEventAsync(input.VmId, input.ActionId, new ActionEvent("hypervisor.begin", time.GetUtcNow(), result, detail)));
    }
}
