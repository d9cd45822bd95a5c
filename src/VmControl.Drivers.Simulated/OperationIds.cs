namespace VmControl.Drivers.Simulated;

/// <summary>
/// Operation ids carry their action (<c>resize:3f2a…</c>) so a poll still knows what it waited for when the
/// machine is gone (a completed delete).
/// </summary>
internal static class OperationIds
{
    public static string New(VmAction action) => $"{action.ToWire()}:{Guid.NewGuid():N}";

    /// <summary>The operation id of a request: a repeated begin of one request names the same operation.</summary>
    public static string For(VmAction action, string? requestId) => requestId is null ? New(action) : $"{action.ToWire()}:{requestId}";

    public static bool TryGetAction(string operationId, out VmAction action)
    {
        var colon = operationId.IndexOf(':', StringComparison.Ordinal);
        action = default;
        return colon > 0 && WireNames.TryParse(operationId[..colon], out action);
    }
}
