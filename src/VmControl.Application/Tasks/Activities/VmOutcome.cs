namespace VmControl.Application.Tasks.Activities;

/// <summary>The VM record after a task: the lifecycle's statuses plus what the action changed (size, image, machine id).</summary>
internal static class VmOutcome
{
    public static VmRecord Apply(VmRecord vm, FinishInput input, DateTimeOffset now)
    {
        var task = input.Task;
        var status = input.Succeeded
            ? Lifecycle.OnSuccess(vm.Status, task.Action)
            : Lifecycle.OnFailure(vm.Status, task.Action, input.Error?.Kind ?? FailureKind.NothingChanged, input.Power?.PowerState ?? vm.PowerState);

        var next = vm.With(status) with
        {
            UpdatedAt = now,
            TaskDeadline = null,
            ExternalId = input.ExternalId ?? vm.ExternalId,
        };

        if (input.Power is { } power)
        {
            next = next with { PowerState = power.PowerState, PowerStateDetail = power.Detail, PowerStateObservedAt = power.ObservedAt };
        }

        if (!input.Succeeded)
        {
            var error = input.Error;
            return next with
            {
                Fault = new VmFault(task.Action, task.ActionId, error?.Code ?? "task_failed", error?.Message ?? "The task failed.", now),
            };
        }

        return task.Action switch
        {
            VmAction.Resize => next with { SizeBeforeResize = vm.Size, Size = Param(task, "size") ?? vm.Size },
            VmAction.ConfirmResize => next with { SizeBeforeResize = null },
            VmAction.RevertResize => next with { Size = vm.SizeBeforeResize ?? vm.Size, SizeBeforeResize = null },
            VmAction.Rebuild => next with { Image = Param(task, "image") ?? vm.Image },
            VmAction.Delete => next with { PowerState = PowerState.NoState, PowerStateDetail = "deleted", PowerStateObservedAt = now },
            _ => next,
        };
    }

    private static string? Param(VmTaskInput task, string name) =>
        task.Parameters.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
