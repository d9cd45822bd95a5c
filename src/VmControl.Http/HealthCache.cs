namespace VmControl.Http;

/// <summary>
/// Holds the last <c>/api/health</c> answer, so a flood of health calls (a load balancer, a monitor, or someone
/// hammering it) costs the store and the engine one probe every few seconds, not one per call. Concurrent callers
/// that find it stale wait for one probe and share its answer. An unhealthy answer is kept for a shorter time, so a
/// recovery (or a host that has just started) shows soon, while an outage is still not probed once per call.
/// </summary>
public sealed class HealthCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan UnhealthyDuration = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset At, ApiResult Result)? last;

    public async Task<ApiResult> GetAsync(Func<CancellationToken, Task<ApiResult>> probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var result = await probe(cancellationToken).ConfigureAwait(false);
            last = (time.GetUtcNow(), result);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private ApiResult? Fresh() =>
        last is { } entry && time.GetUtcNow() - entry.At < (entry.Result.IsSuccess ? Duration : UnhealthyDuration) ? entry.Result : null;
}
