using VmControl.Application.Events;

namespace VmControl.Application.Ports;

/// <summary>
/// The outbox rows beside the VM, action and alert records (docs/events.md). Rows are added only by the stores, in the
/// transaction of the change they describe; delivery reads and settles them here.
/// </summary>
public interface IOutbox
{
    /// <summary>The events still waiting in one partition of one table, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(OutboxTable table, string partition, CancellationToken cancellationToken = default);

    /// <summary>Marks events delivered (or dead-lettered) by removing their rows; rows already gone are fine.</summary>
    Task SettleAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// The recovery watermark: every event written before it is known settled or waiting in some process's delivery.
    /// Null before the first recovery.
    /// </summary>
    Task<DateTimeOffset?> ReadWatermarkAsync(CancellationToken cancellationToken = default);

    Task WriteWatermarkAsync(DateTimeOffset watermark, CancellationToken cancellationToken = default);
}
