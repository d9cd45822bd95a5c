using VmControl.Application.Fleet;

namespace VmControl.Application.Ports;

/// <summary>Fleet operations and their per-VM results. The operation changes by compare-and-swap on its ETag; its
/// results are written only by the operation's own orchestration, a batch at a time.</summary>
public interface IFleetStore
{
    Task<FleetOperation> CreateAsync(FleetOperation operation, CancellationToken cancellationToken = default);

    Task<FleetOperation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the operation if its ETag is still <paramref name="operation"/>'s; null when it moved on.</summary>
    Task<FleetOperation?> TryReplaceAsync(FleetOperation operation, CancellationToken cancellationToken = default);

    /// <summary>A page of operations, newest first; <paramref name="project"/> null lists every project.</summary>
    Task<Page<FleetOperation>> ListAsync(string? project, int limit, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Every VM result of the operation, in VM id order.</summary>
    Task<IReadOnlyList<FleetVmResult>> ResultsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Writes the results (inserting or replacing each VM's), in batches of the operation's partition.</summary>
    Task WriteResultsAsync(string id, IReadOnlyCollection<FleetVmResult> results, CancellationToken cancellationToken = default);
}
