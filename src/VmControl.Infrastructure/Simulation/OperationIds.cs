using VmControl.Domain;

namespace VmControl.Infrastructure.Simulation;

/// <summary>
/// Operation ids carry their action (<c>resize:3f2a…</c>) so a poll still knows what it waited for when the
/// machine is gone (a completed delete).
/// </summary>
internal static class OperationIds
{
    public static string New(VmAction action) => $"{action.ToWire()}:{Guid.NewGuid():N}";

    public static bool TryGetAction(string operationId, out VmAction action)
    {
        var colon = operationId.IndexOf(':', StringComparison.Ordinal);
        action = default;
        return colon > 0 && WireNames.TryParse(operationId[..colon], out action);
    }
}
