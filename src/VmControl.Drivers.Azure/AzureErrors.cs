using System.Globalization;

namespace VmControl.Drivers.Azure;

/// <summary>Turns ARM failures into the port's errors, deciding which a retry may fix.</summary>
internal static class AzureErrors
{
    /// <summary>Platform codes that mean "another operation got there first": retrying later is expected to work.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "OperationPreempted",
        "Conflict",
        "RetryableError",
        "TooManyRequests",
    };

    public static HypervisorException FromRequestFailed(RequestFailedException exception, FailureKind kind, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new HypervisorException(ToError(exception, kind, clock), exception);
    }

    public static HypervisorError ToError(RequestFailedException exception, FailureKind kind, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var armCode = exception.ErrorCode;
        switch (exception.Status)
        {
            case 429:
                // Azure.Core already retried within its budget honouring Retry-After; the orchestrator's retry waits longer.
                var wait = AzureRetryAfter.From(exception.GetRawResponse(), clock);
                var hint = wait is { } w ? string.Create(CultureInfo.InvariantCulture, $" Retry after {w.TotalSeconds:0} s.") : string.Empty;
                return new HypervisorError("throttled", $"Azure Resource Manager throttled the request.{hint}", Transient: true, kind);
            case 409:
                return new HypervisorError(armCode ?? "conflict", $"Azure reported a conflicting operation: {Short(exception)}", Transient: true, kind);
            case 404:
                return new HypervisorError("not_found", $"Azure has no such resource: {Short(exception)}", Transient: false, kind);
            case >= 500:
                // Azure.Core retried these already; the platform's own faults are still worth a later retry.
                return new HypervisorError(armCode ?? "azure_unavailable", Short(exception), Transient: true, kind);
            default:
                var transient = armCode is not null && TransientCodes.Contains(armCode);
                return new HypervisorError(armCode ?? "azure_error", Short(exception), transient, kind);
        }
    }

    /// <summary>An ARM operation's final error (from its status body) as the port's error; the operation had started.</summary>
    public static HypervisorError FromOperation(string? code, string? message)
    {
        var transient = code is not null && TransientCodes.Contains(code);
        return new HypervisorError(code ?? "operation_failed", message ?? "The Azure operation failed.", transient, FailureKind.Started);
    }

    public static HypervisorException Permanent(string code, string message) =>
        new(new HypervisorError(code, message, Transient: false, FailureKind.NothingChanged));

    // The SDK's message repeats headers and content; the first line carries ARM's message.
    private static string Short(RequestFailedException exception)
    {
        var message = exception.Message;
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline > 0 ? message[..newline] : message).Trim();
    }
}
