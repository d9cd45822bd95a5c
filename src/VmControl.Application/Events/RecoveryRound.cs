namespace VmControl.Application.Events;

/// <summary>
/// One recovery round, riding on one power-sync pass: it notes, from the VM records the pass reads anyway, which VMs
/// may have events left in the outbox by a process that died: those written to since the watermark (less the slack),
/// and those with a task in flight.
/// </summary>
public sealed class RecoveryRound(DateTimeOffset startedAt, DateTimeOffset since)
{
    private readonly HashSet<string> candidates = new(StringComparer.Ordinal);

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset Since { get; } = since;

    public IReadOnlyCollection<string> Candidates => candidates;

    public void Observe(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (vm.TaskState is not null || vm.UpdatedAt >= Since || vm.PowerStateObservedAt >= Since)
        {
            candidates.Add(vm.Id);
        }
    }

    public void Observe(IEnumerable<string> vmIds)
    {
        ArgumentNullException.ThrowIfNull(vmIds);
        candidates.UnionWith(vmIds.Where(VmIds.IsValid));
    }
}
