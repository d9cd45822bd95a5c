using Azure;
using Azure.Data.Tables;

namespace VmControl.Drivers.Simulated;

/// <summary>
/// One simulated machine as its table row (row key = external id). The pending operation lives on the row so a
/// host restart keeps it; the last completed operation stays too, so a repeated poll gets the same answer.
/// </summary>
internal sealed class MachineEntity : ITableEntity
{
    // All machines share one partition: the simulator's scale (thousands) fits, and batch inserts need it.
    public const string Partition = "machine";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? VmId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Size { get; set; } = string.Empty;

    public string Image { get; set; } = string.Empty;

    /// <summary>Nova's power state code.</summary>
    public int PowerState { get; set; }

    /// <summary>The size before the last resize, until it is confirmed or reverted.</summary>
    public string? PreviousSize { get; set; }

    /// <summary>The pending action's wire name, or null when idle.</summary>
    public string? PendingAction { get; set; }

    public string? PendingOperationId { get; set; }

    public DateTimeOffset? PendingCompletesAt { get; set; }

    /// <summary>How the pending operation ends: null (succeeds) or the wire name of a <see cref="FaultKind"/>.</summary>
    public string? PendingFault { get; set; }

    /// <summary>The new size (resize) or image (rebuild) the pending operation applies.</summary>
    public string? PendingTarget { get; set; }

    public string? CompletedOperationId { get; set; }

    /// <summary>Null when the last completed operation succeeded, else the wire name of its <see cref="FaultKind"/>.</summary>
    public string? CompletedFault { get; set; }

    public MachineEntity Clone() => (MachineEntity)MemberwiseClone();
}
