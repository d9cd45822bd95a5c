namespace VmControl.Application.Model;

/// <summary>A reconciliation alert. At most one is open (or acknowledged) per VM and kind.</summary>
public sealed record AlertRecord
{
    public required string Id { get; init; }

    /// <summary>The VM's id, or for <see cref="AlertKind.UnknownOnHypervisor"/> the machine's external id.</summary>
    public required string VmId { get; init; }

    public required AlertKind Kind { get; init; }

    /// <summary>The VM's project; null for a machine VmControl does not know (only admins see those).</summary>
    public string? Project { get; init; }

    public AlertStatus Status { get; init; } = AlertStatus.Open;

    public VmState? VmState { get; init; }

    public IReadOnlyList<PowerState> ExpectedPowerStates { get; init; } = [];

    public PowerState? ObservedPowerState { get; init; }

    public DateTimeOffset FirstSeenAt { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }

    public int Count { get; init; } = 1;

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? AcknowledgeNote { get; init; }

    /// <summary>Who acknowledged it (the authenticated principal).</summary>
    public string? AcknowledgedBy { get; init; }

    public string Message { get; init; } = string.Empty;
}
