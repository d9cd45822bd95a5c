namespace VmControl.Application.Tasks.Activities;

/// <summary>Turns an unavailable store into the transient failure the orchestrator's retry policy handles.</summary>
internal static class StoreCalls
{
    public static async Task<T> Transient<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            throw new TransientFailureException(ex.Message, ex);
        }
    }

    public static async Task Transient(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            throw new TransientFailureException(ex.Message, ex);
        }
    }
}
