using System.Text.Json;

namespace VmControl.Testing;

/// <summary>One answer, read completely: status, headers (response and content, joined), raw body and the body as JSON.</summary>
public sealed record ApiResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string? MediaType, string Body)
{
    public JsonElement Json => Body.Length == 0
        ? throw new InvalidOperationException($"HTTP {(int)Status} has no body.")
        : JsonDocument.Parse(Body).RootElement.Clone();

    public bool IsProblem => MediaType == "application/problem+json";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"HTTP {(int)Status} {MediaType}: {Body}";
}
