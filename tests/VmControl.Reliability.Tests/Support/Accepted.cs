
namespace VmControl.Reliability.Tests.Support;

/// <summary>Reads what an accepted (202) answer started: the action id at the end of its Operation-Location.</summary>
public static class Accepted
{
    public static string ActionId(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Header("Operation-Location") ?? throw new InvalidOperationException($"202 without Operation-Location: {response}");
        return location[(location.LastIndexOf('/') + 1)..];
    }

    public static string VmId(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Header("Operation-Location") ?? throw new InvalidOperationException($"202 without Operation-Location: {response}");
        var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts[Array.IndexOf(parts, "vms") + 1];
    }
}
