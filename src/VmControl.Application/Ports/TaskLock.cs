using System.Diagnostics.CodeAnalysis;

namespace VmControl.Application.Ports;

/// <summary>
/// The VM's task lock (docs/lifecycle.md §2): task_state on the VM record, taken, kept and given back only by the
/// store's ETag compare-and-swap. Its own type, not helpers on the store, so that every rule of the lock reads in one place.
/// </summary>
public sealed class TaskLock(IVmStore store)
{
    // Bounded so that a hot record cannot spin a writer forever; each lost round means another writer made progress.
    private const int MaxRounds = 32;

    private readonly IVmStore store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Whether <paramref name="vm"/> holds <paramref name="task"/> for <paramref name="actionId"/>: the task is still its own.</summary>
    public static bool IsHeldBy([NotNullWhen(true)] VmRecord? vm, TaskState task, string actionId) =>
        vm is not null && vm.TaskState == task && vm.CurrentActionId == actionId;

    /// <summary>
    /// Claims <paramref name="task"/> on the record as it was read (<paramref name="seen"/>): idle → task by compare-and-swap.
    /// Null when the record moved on since it was read or is not idle: the caller lost the race.
    /// </summary>
    public async Task<VmRecord?> TryClaimAsync(
        VmRecord seen,
        TaskState task,
        string actionId,
        DateTimeOffset now,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        if (seen.TaskState is not null)
        {
            return null;
        }

        return await store.TryReplaceAsync(
                seen with { TaskState = task, CurrentActionId = actionId, TaskDeadline = deadline, UpdatedAt = now },
                cancellationToken).ConfigureAwait(false)
            ?? await OwnWriteAsync(seen.Id, task, actionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Nova's <c>expected_task_state</c>: applies <paramref name="change"/> only while the record's task is still
    /// <paramref name="expected"/> for <paramref name="actionId"/>. Null when it is not (the task was pre-empted or reset),
    /// or when the VM is gone; then nothing was written.
    /// </summary>
    public Task<VmRecord?> UpdateIfHeldAsync(
        string vmId,
        TaskState expected,
        string actionId,
        Func<VmRecord, VmRecord> change,
        CancellationToken cancellationToken = default) =>
        UpdateIfHeldFromAsync(null, vmId, expected, actionId, change, cancellationToken);

    /// <summary>
    /// <see cref="UpdateIfHeldAsync"/> starting from the record as the caller last read it (<paramref name="seen"/>), so an
    /// uncontended write needs no read; when the record moved on, it is read again and the rule checked afresh.
    /// </summary>
    public async Task<VmRecord?> UpdateIfHeldFromAsync(
        VmRecord? seen,
        string vmId,
        TaskState expected,
        string actionId,
        Func<VmRecord, VmRecord> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var round = 0; round < MaxRounds; round++)
        {
            var current = round == 0 && seen?.ETag is not null ? seen : await store.GetAsync(vmId, cancellationToken).ConfigureAwait(false);
            if (!IsHeldBy(current, expected, actionId))
            {
                return null;
            }

            var written = await store.TryReplaceAsync(change(current), cancellationToken).ConfigureAwait(false);
            if (written is not null)
            {
                return written;
            }
        }

        throw new StoreUnavailableException($"VM {vmId} kept changing under {MaxRounds} compare-and-swap rounds.");
    }

    /// <summary>Gives the claim back (task_state and its deadline cleared) while it is still this task's; null when it no longer is.</summary>
    public Task<VmRecord?> ReleaseAsync(string vmId, TaskState task, string actionId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UpdateIfHeldAsync(vmId, task, actionId, v => v with { TaskState = null, TaskDeadline = null, UpdatedAt = now }, cancellationToken);

    /// <summary>
    /// Hard delete's claim: sets <c>deleting</c> over any task (no idle check), still by compare-and-swap so no
    /// concurrent write is lost. Returns the record before and after, or null when the VM does not exist or is
    /// already being deleted or deleted.
    /// </summary>
    public async Task<(VmRecord Before, VmRecord After)?> ForceDeletingAsync(
        string vmId,
        string actionId,
        DateTimeOffset now,
        DateTimeOffset? deadline,
        CancellationToken cancellationToken = default)
    {
        VmRecord? before = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            var current = await store.GetAsync(vmId, cancellationToken).ConfigureAwait(false);
            if (before is not null && IsHeldBy(current, TaskState.Deleting, actionId))
            {
                // Our own write landed and a retry of it lost the swap (see OwnWriteAsync).
                return (before, current);
            }

            if (current is null || current.VmState == VmState.HardDeleted || current.TaskState == TaskState.Deleting)
            {
                return null;
            }

            before = current;

            var written = await store.TryReplaceAsync(
                current with { TaskState = TaskState.Deleting, CurrentActionId = actionId, TaskDeadline = deadline, UpdatedAt = now },
                cancellationToken).ConfigureAwait(false);
            if (written is not null)
            {
                return (current, written);
            }
        }

        throw new StoreUnavailableException($"VM {vmId} kept changing under {MaxRounds} compare-and-swap rounds.");
    }

    /// <summary>
    /// A lost compare-and-swap may be our own write: a storage client that timed out retries the request, and the
    /// retry finds the ETag our first attempt changed. The action id is unique to this request, so a record that carries
    /// it with <paramref name="task"/> was written by us; otherwise someone else won.
    /// </summary>
    private async Task<VmRecord?> OwnWriteAsync(string vmId, TaskState task, string actionId, CancellationToken cancellationToken) =>
        await store.GetAsync(vmId, cancellationToken).ConfigureAwait(false) is var now && IsHeldBy(now, task, actionId) ? now : null;
}
