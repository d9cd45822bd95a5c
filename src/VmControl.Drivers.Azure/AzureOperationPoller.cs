using System.Text.Json;
using Azure.Core.Pipeline;

namespace VmControl.Drivers.Azure;

/// <summary>
/// Reads an ARM long-running operation's status URL through an authenticated pipeline built from the same
/// client options as the ArmClient (same transport, retry and credential).
/// </summary>
internal sealed class AzureOperationPoller(HttpPipeline pipeline, Uri endpoint, TimeProvider clock)
{
    public async Task<AzurePollResult> PollAsync(AzureOperationHandle handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var url = CheckedUrl(handle.Url);
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(url);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        var retryAfter = AzureRetryAfter.From(response, clock);

        if (response.Status == 429)
        {
            // Throttled while polling: the operation itself is unaffected, so wait as long as ARM asks.
            return new AzurePollResult(OperationState.InProgress, RetryAfter: retryAfter);
        }

        return handle.Kind == AzureOperationHandle.AsyncKind
            ? FromAsyncStatus(response, retryAfter)
            : FromLocation(response, retryAfter);
    }

    // Azure-AsyncOperation: 200 with {"status": "InProgress|Succeeded|Failed|Canceled", "error": {...}}.
    private static AzurePollResult FromAsyncStatus(Response response, TimeSpan? retryAfter)
    {
        if (response.Status != 200)
        {
            throw UnexpectedStatus(response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var status = json.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
        return status?.ToUpperInvariant() switch
        {
            "SUCCEEDED" => new AzurePollResult(OperationState.Succeeded),
            "FAILED" or "CANCELED" => new AzurePollResult(OperationState.Failed, ReadError(json.RootElement, status)),
            _ => new AzurePollResult(OperationState.InProgress, RetryAfter: retryAfter),
        };
    }

    // Location: 202 while running, 200/201/204 when done, an error body when it failed.
    private static AzurePollResult FromLocation(Response response, TimeSpan? retryAfter) => response.Status switch
    {
        202 => new AzurePollResult(OperationState.InProgress, RetryAfter: retryAfter),
        200 or 201 or 204 => new AzurePollResult(OperationState.Succeeded),
        _ => new AzurePollResult(OperationState.Failed, ReadError(Parse(response), "Failed")),
    };

    private static JsonElement Parse(Response response)
    {
        try
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static HypervisorError ReadError(JsonElement root, string? status)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var text = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            return AzureErrors.FromOperation(code, text);
        }

        return AzureErrors.FromOperation(null, $"The Azure operation ended {status?.ToLowerInvariant() ?? "unsuccessfully"}.");
    }

    private static HypervisorException UnexpectedStatus(Response response) => new(new HypervisorError(
        "operation_status_unreadable",
        $"Azure answered {response.Status} for the operation status.",
        Transient: response.Status >= 500,
        FailureKind.Started));

    // The handle comes back from outside; never send the bearer token anywhere but ARM itself.
    private Uri CheckedUrl(string? url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && string.Equals(uri.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        throw AzureErrors.Permanent("invalid_operation", "The operation URL is not an Azure Resource Manager URL.");
    }
}
