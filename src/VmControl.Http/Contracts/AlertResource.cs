using VmControl.Domain;

namespace VmControl.Http.Contracts;

/// <summary>A reconciliation alert (docs/api.md).</summary>
public sealed record AlertResource(
    string Id,
    string VmId,
    string Kind,
    string Status,
    string? VmState,
    IReadOnlyList<string> ExpectedPowerStates,
    string? ObservedPowerState,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    int Count,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgeNote,
    string Message,
    string? AcknowledgedBy,
    string? Project)
{
    public static AlertResource From(AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(
            alert.Id,
            alert.VmId,
            alert.Kind.ToWire(),
            alert.Status.ToWire(),
            alert.VmState?.ToWire(),
            [.. alert.ExpectedPowerStates.Select(p => p.ToWire())],
            alert.ObservedPowerState?.ToWire(),
            alert.FirstSeenAt,
            alert.LastSeenAt,
            alert.Count,
            alert.ResolvedAt,
            alert.AcknowledgedAt,
            alert.AcknowledgeNote,
            alert.Message,
            alert.AcknowledgedBy,
            alert.Project);
    }
}
