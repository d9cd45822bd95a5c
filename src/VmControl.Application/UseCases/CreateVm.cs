using Microsoft.Extensions.Options;
using VmControl.Application.Tasks;

namespace VmControl.Application.UseCases;

/// <summary>Create: validate, check the driver, store the VM born claimed (task_state spawning), then record and start the build.</summary>
public sealed class CreateVm(IVmStore vms, IHypervisorDriver driver, TaskStarter starter, IOptions<TaskSettings> options, TimeProvider time)
{
    private readonly TaskSettings settings = options.Value;

    public async Task<CommandResult> CreateAsync(CreateVmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (VmValidation.Create(request) is { } invalid)
        {
            return invalid;
        }

        if (driver.Refuses(VmAction.Create) is { } unsupported)
        {
            return unsupported;
        }

        var caller = request.Actor;
        if (request.Project is { } named && named != caller.Project && !caller.IsAdmin)
        {
            // Nova lets only admins create a server in another project; anyone else names their own or none.
            return new CommandResult.Forbidden("project", "Only an admin may create a VM in another project.");
        }

        var now = time.GetUtcNow();
        var actionId = ActionIds.New(now);
        var parameters = request.Placement ?? new Dictionary<string, string>();

        // Born claimed: the record is created with task_state spawning, so no other task can slip in before the build.
        var vm = await vms.CreateAsync(
            new VmRecord
            {
                Id = VmIds.New(),
                Name = request.Name!,
                Size = request.Size!,
                Image = request.Image!,
                Description = request.Description,
                AccessIPv4 = request.AccessIPv4,
                AccessIPv6 = request.AccessIPv6,
                Tags = request.Tags ?? new Dictionary<string, string>(),
                Project = request.Project ?? caller.Project,
                DeleteProtection = request.DeleteProtection,
                StopProtection = request.StopProtection,
                TaskState = TaskState.Spawning,
                CurrentActionId = actionId,
                TaskDeadline = now + settings.DeadlineOf(VmAction.Create),
                Driver = driver.Name,
                ExternalId = parameters.GetValueOrDefault("resourceId"),
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);

        return await starter.RecordAndStartAsync(
            new TaskStart(vm, VmAction.Create, actionId, VmState.Initialized, parameters, caller.Name, request.RequestId, now),
            cancellationToken).ConfigureAwait(false);
    }
}
