namespace VmControl.Functions.Tests.Metadata;

/// <summary>
/// One binding of a function in <c>functions.metadata</c>, with the properties this project's triggers set: the HTTP
/// trigger's <see cref="AuthLevel"/>, <see cref="Methods"/> and <see cref="Route"/>, the timer's <see cref="Schedule"/>.
/// </summary>
/// <param name="Name">The parameter the binding fills (<c>$return</c> for the HTTP response).</param>
/// <param name="Type">The binding type the host resolves: <c>httpTrigger</c>, <c>durableClient</c>, <c>http</c>...</param>
/// <param name="Direction"><c>In</c> or <c>Out</c>.</param>
public sealed record BindingMetadata(
    string Name,
    string Type,
    string Direction,
    string? AuthLevel = null,
    IReadOnlyList<string>? Methods = null,
    string? Route = null,
    string? Schedule = null)
{
    /// <summary>Whether the binding is the function's trigger (<c>httpTrigger</c>, <c>timerTrigger</c>, <c>activityTrigger</c>...).</summary>
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.Ordinal);
}
