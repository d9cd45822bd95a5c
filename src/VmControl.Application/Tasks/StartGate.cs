namespace VmControl.Application.Tasks;

/// <summary>
/// Serialises, inside one process, the starts of orchestrations under one VM's instance id. The Azure Storage backend
/// lets two simultaneous starts of one instance id both report success while only one runs (docs/architecture.md#durable-task-engine);
/// the VM row's compare-and-swap keeps ordinary actions apart, but a hard delete pre-empts without it, so the delete's
/// start could race the pre-empted request's start, "win" and never run, leaving the VM in deleting for good.
/// Striped (a fixed set of semaphores) so that memory does not grow with the number of VMs.
/// </summary>
public static class StartGate
{
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public static async Task<T> RunAsync<T>(string vmId, Func<Task<T>> start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vmId);
        ArgumentNullException.ThrowIfNull(start);
        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(vmId) % (uint)Stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await start().ConfigureAwait(false);
        }
        finally
        {
            stripe.Release();
        }
    }
}
