namespace VmControl.Application.Tasks.Activities;

/// <summary>One poll of a hypervisor operation; shared by the begin and poll activities.</summary>
internal static class Polling
{
    public static async Task<OperationProgress> PollAsync(IHypervisorDriver driver, HypervisorOperation operation)
    {
        try
        {
            return await driver.PollAsync(operation).ConfigureAwait(false);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            throw new TransientFailureException(ex.Message, ex);
        }
        catch (HypervisorException ex)
        {
            return new OperationProgress(OperationState.Failed, Error: ex.Error);
        }
    }
}
