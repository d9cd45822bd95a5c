namespace VmControl.Application.Model;

/// <summary>The first response to a request carrying an <c>Idempotency-Key</c>, replayed for 24 h.</summary>
/// <param name="Scope">What the key is scoped to (the route and caller), so two routes never share a key.</param>
/// <param name="Key">The client's key.</param>
/// <param name="RequestHash">A hash of the request body; the same key with another body is refused.</param>
/// <param name="StatusCode">The first response's HTTP status.</param>
/// <param name="Body">The first response's body (JSON).</param>
/// <param name="Headers">The first response's headers that matter on replay (Location, Operation-Location, ETag).</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="ExpiresAt">When it stops answering.</param>
public sealed record IdempotencyRecord(
    string Scope,
    string Key,
    string RequestHash,
    int StatusCode,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
