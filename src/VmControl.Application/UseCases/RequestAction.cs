using Microsoft.Extensions.Options;
using VmControl.Application.Tasks;

namespace VmControl.Application.UseCases;

/// <summary>
/// A lifecycle action on an existing VM. Order: parameters → the opening (404, safeguards, 412, lifecycle) → driver capability →
/// checks against the VM → claim task_state by compare-and-swap → record and start. Delete goes to <see cref="DeleteVm"/>.
/// </summary>
public sealed class RequestAction(
    IVmStore vms,
    IHypervisorDriver driver,
    VmOpening opening,
    TaskStarter starter,
    DeleteVm delete,
    IOptions<TaskSettings> options,
    TimeProvider time)
{
    private readonly TaskLock taskLock = new(vms);
    private readonly TaskSettings settings = options.Value;

    public async Task<CommandResult> RequestAsync(ActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Action == VmAction.Delete)
        {
            return await delete.DeleteAsync(request.VmId, request.IfMatch, request.Actor, request.RequestId, cancellationToken).ConfigureAwait(false);
        }

        var parameters = request.Parameters ?? new Dictionary<string, string>();
        if (ActionParameters.Validate(request.Action, parameters) is { } invalid)
        {
            return invalid;
        }

        var opened = await opening.OpenAsync(request.VmId, request.IfMatch, request.Action, request.Actor, cancellationToken).ConfigureAwait(false);
        if (opened.Answered)
        {
            return opened.Answer;
        }

        if (opened.Decision is Decision.Refused refused)
        {
            return new CommandResult.Refused(refused);
        }

        var vm = opened.Vm;
        if (driver.Refuses(request.Action) is { } unsupported)
        {
            return unsupported;
        }

        if (ActionParameters.ValidateAgainst(request.Action, parameters, vm) is { } conflicting)
        {
            return conflicting;
        }

        var now = time.GetUtcNow();
        var actionId = ActionIds.New(now);
        var task = LifecycleTable.For(request.Action).TaskState;
        var claimed = await taskLock.TryClaimAsync(vm, task, actionId, now, now + settings.DeadlineOf(request.Action), cancellationToken)
            .ConfigureAwait(false);
        if (claimed is null)
        {
            return await opening.LostRaceAsync(request.VmId, request.Action, cancellationToken).ConfigureAwait(false);
        }

        return await starter.RecordAndStartAsync(
            new TaskStart(claimed, request.Action, actionId, vm.VmState, parameters, request.Actor.Name, request.RequestId, now),
            cancellationToken).ConfigureAwait(false);
    }
}
