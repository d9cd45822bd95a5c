using System.Text.Json;
using VmControl.Domain;

namespace VmControl.Http;

/// <summary>RFC 9457 problem details with the API's machine-readable <c>code</c> (docs/api.md#problem-codes).</summary>
public static class Problems
{
    // A URN, not a URL: the type identifies the problem without promising a page to dereference (RFC 9457 §3.1.1).
    private const string TypeBase = "urn:vmcontrol:problem:";

    public static ApiResult Create(int status, string code, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = TypeBase + code.Replace('_', '-'),
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            body[key] = value;
        }

        var json = System.Text.Json.JsonSerializer.Serialize(body, ApiJson.Options);
        return new ApiResult(status, json, ApiResult.ProblemContentType, headers);
    }

    /// <summary>400 for a value that is not one of an enum's wire names; the detail lists them.</summary>
    public static ApiResult NotOneOf<TEnum>(string field)
        where TEnum : struct, Enum =>
        Invalid(field, $"{field} must be one of: {string.Join(", ", Domain.WireNames.All<TEnum>())}.");

    public static ApiResult Invalid(string field, string detail) =>
        Create(StatusCodes.Status400BadRequest, "invalid_request", "The request is invalid.", detail, new Dictionary<string, object?> { ["field"] = field });

    public static ApiResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "not_found", "Not found.", detail);

    public static ApiResult Refused(Decision.Refused refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return Create(
            StatusCodes.Status409Conflict,
            refused.Code.ToWire(),
            "The lifecycle refused the request.",
            refused.Message,
            new Dictionary<string, object?>
            {
                ["vmState"] = refused.VmState.ToWire(),
                ["taskState"] = refused.TaskState?.ToWire(),
                ["allowedActions"] = refused.AllowedActions.Select(a => a.ToWire()).ToArray(),
            });
    }

    /// <summary>409 <c>vm_locked</c> or <c>vm_protected</c>, naming the safeguard (and the lock's reason).</summary>
    public static ApiResult Guarded(SafeguardRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Create(
            StatusCodes.Status409Conflict,
            refusal.Code,
            refusal.Safeguard == Safeguard.Lock ? "The VM is locked." : "The VM is protected.",
            refusal.Message,
            new Dictionary<string, object?> { ["safeguard"] = JsonNamingPolicy.CamelCase.ConvertName(refusal.Safeguard.ToString()), ["lockedReason"] = refusal.LockReason });
    }

    public static ApiResult PreconditionFailed(string? currentETag) =>
        Create(
            StatusCodes.Status412PreconditionFailed,
            "precondition_failed",
            "The VM has changed.",
            "If-Match does not name the VM's current ETag; read the VM again and retry.",
            headers: currentETag is null ? null : new Dictionary<string, string> { [ApiHeaders.ETag] = currentETag });

    public static ApiResult Unsupported(VmAction action, string driver, string reason) =>
        Create(
            StatusCodes.Status422UnprocessableEntity,
            "unsupported_action",
            "The driver cannot do this action.",
            reason,
            new Dictionary<string, object?> { ["action"] = action.ToWire(), ["driver"] = driver });

    public static ApiResult IdempotencyKeyReuse() =>
        Create(
            StatusCodes.Status422UnprocessableEntity,
            "idempotency_key_reuse",
            "The Idempotency-Key was used with another request.",
            "The same Idempotency-Key was sent before with a different body; use a new key for a new request.");

    public static ApiResult PayloadTooLarge(int limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "The request body is too large.", $"The body must be at most {limit} bytes.");

    /// <summary>
    /// 500 for a failure no rule expected (a bug, not bad input): the detail stays generic, since the exception's
    /// message may name internals; the log has it, found by <paramref name="traceId"/>.
    /// </summary>
    public static ApiResult InternalError(string? traceId) =>
        Create(
            StatusCodes.Status500InternalServerError,
            "internal_error",
            "An unexpected error occurred.",
            "The server failed to handle the request; it has been logged. Retry later or report the trace id.",
            new Dictionary<string, object?> { ["traceId"] = traceId });

    /// <summary>503; the storage client's own message (account names, endpoints, request ids) stays in the log.</summary>
    public static ApiResult StoreUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, "store_unavailable", "The store is unavailable.", "The store did not answer; retry later.");

    /// <summary>400 <c>invalid_subscription</c>: a subscription's field breaks a rule (the detail says which).</summary>
    public static ApiResult InvalidSubscription(string detail) =>
        Create(StatusCodes.Status400BadRequest, "invalid_subscription", "The subscription was refused.", detail);

    public static ApiResult SubscriptionNotFound(string id) =>
        Create(StatusCodes.Status404NotFound, "subscription_not_found", "Not found.", $"No subscription (or publisher) has the id '{(id.Length > 64 ? id[..64] + "..." : id)}'.");

    public static ApiResult EventsUnavailable() =>
        Create(StatusCodes.Status503ServiceUnavailable, "events_unavailable", "Event delivery is not running.", "This host has no event delivery.");
}
