using VmControl.Application.Ports;

using VmControl.Http.Identity;

namespace VmControl.Http;

/// <summary>
/// <c>Idempotency-Key</c> for every POST and DELETE, in one place: scope = method + path, request hash = SHA-256 of
/// the body. A replay within <see cref="Lifetime"/> returns the first response and runs nothing; the same key with
/// another body is a 422. Only successful (2xx) responses are kept: a refused request may be retried as it is.
/// </summary>
public sealed class Idempotency(IIdempotencyStore store, TimeProvider time)
{
    public const int MaxKeyLength = 256;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // Striped, so memory stays bounded: two requests with one key in this process run one after the other, and the
    // second replays the first. Across processes (scaled-out Functions) both may run; the use cases' ETag claims
    // still keep a second task from starting on the same VM.
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<ApiResult> RunAsync(HttpRequest request, RequestBody body, Func<Task<ApiResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(handle);
        var key = request.Headers[ApiHeaders.IdempotencyKey].FirstOrDefault();
        if (string.IsNullOrEmpty(key))
        {
            return await handle().ConfigureAwait(false);
        }

        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            return Problems.Invalid(ApiHeaders.IdempotencyKey, $"{ApiHeaders.IdempotencyKey} must be 1-{MaxKeyLength} printable characters.");
        }

        // Per caller, as Stripe scopes keys per account: two callers choosing the same key never see each other's answer.
        var scope = request.HttpContext.Caller().Name + " " + request.Method.ToUpperInvariant() + " " + request.Path.Value;
        var stripe = stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(scope + "\n" + key) % (uint)stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunOnceAsync(scope, key, body, handle, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<ApiResult> RunOnceAsync(string scope, string key, RequestBody body, Func<Task<ApiResult>> handle, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = await store.GetAsync(scope, key, now, cancellationToken).ConfigureAwait(false);
        if (first is not null)
        {
            return first.RequestHash == body.Sha256 ? Replay(first) : Problems.IdempotencyKeyReuse();
        }

        var result = await handle().ConfigureAwait(false);
        if (result.IsSuccess)
        {
            var headers = ApiHeaders.Replayed
                .Where(result.Headers.ContainsKey)
                .ToDictionary(h => h, h => result.Headers[h], StringComparer.OrdinalIgnoreCase);
            var record = new IdempotencyRecord(scope, key, body.Sha256, result.StatusCode, result.Body ?? string.Empty, headers, now, now + Lifetime);

            // A concurrent request with the same key may have stored first; ours ran too, and both answers stand.
            await store.TryAddAsync(record, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    private static ApiResult Replay(IdempotencyRecord first)
    {
        var headers = new Dictionary<string, string>(first.Headers, StringComparer.OrdinalIgnoreCase) { ["Idempotent-Replayed"] = "true" };
        return new ApiResult(first.StatusCode, first.Body.Length == 0 ? null : first.Body, ApiResult.JsonContentType, headers);
    }
}
