namespace VmControl.Application.Ports;

/// <summary>A hypervisor failure: a stable code, a message, whether a retry may succeed, and whether anything moved.</summary>
public sealed record HypervisorError(string Code, string Message, bool Transient, FailureKind Kind, TimeSpan? RetryAfter = null)
{
    /// <summary>The code of a refusal because the provider's rate limit was reached (HTTP 429); it parks the rate budget.</summary>
    public const string ThrottledCode = "throttled";

    public bool Throttled => Code == ThrottledCode;
}
