using System.Text.Json;

namespace VmControl.Reliability.Tests.Support;

/// <summary>
/// The end-state checks every reliability test shares, for one VM: it is idle, its history holds exactly the accepted
/// actions, each ended exactly once, every outcome follows lifecycle.md, and the vm_state is the last outcome's.
/// </summary>
public static class HistoryCheck
{
    private static readonly string[] Terminal = ["task.succeeded", "task.failed", "task.preempted"];

    /// <summary>Runs the checks and returns the VM and its history (oldest first), for test-specific checks.</summary>
    public static async Task<(JsonElement Vm, JsonElement[] History)> VerifyAsync(
        ApiClient api, string vmId, IReadOnlyCollection<string> acceptedActionIds, Figures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(acceptedActionIds);
        ArgumentNullException.ThrowIfNull(figures);
        JsonElement vm;
        try
        {
            vm = await api.WaitIdleAsync(vmId, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            // Say what the stuck VM's history holds: which task it waits for, and whether that task has a record at all.
            var records = await api.ListActionsAsync(vmId, cancellationToken).ConfigureAwait(false);
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}accepted: [{string.Join(", ", acceptedActionIds)}]{Environment.NewLine}history: {string.Join(Environment.NewLine, records)}", ex);
        }

        // A task's last write clears task_state before the orchestration ends; wait for its action record too.
        foreach (var id in acceptedActionIds)
        {
            await api.WaitActionEndedAsync(vmId, id, cancellationToken).ConfigureAwait(false);
        }

        // The list leaves out each action's events; read every record on its own to check them.
        var listed = (await api.ListActionsAsync(vmId, cancellationToken).ConfigureAwait(false)).Reverse().ToArray();
        var history = new JsonElement[listed.Length];
        for (var i = 0; i < listed.Length; i++)
        {
            history[i] = await api.GetActionAsync(vmId, listed[i].Str("id")!, cancellationToken).ConfigureAwait(false);
        }

        var what = $"VM {vmId}: {vm}{Environment.NewLine}history: {string.Join(Environment.NewLine, history)}";
        Assert.True(
            acceptedActionIds.Order().SequenceEqual(history.Select(a => a.Str("id")!).Order()),
            $"history ids [{string.Join(", ", history.Select(a => a.Str("id")))}] != accepted [{string.Join(", ", acceptedActionIds)}]; {what}");

        foreach (var action in history)
        {
            CheckOne(action, what);
        }

        // Tasks on one VM run one after another, so the ended ones chain: each starts where the previous left the VM.
        var ended = history.Where(a => a.Str("status") is "succeeded" or "failed")
            .OrderBy(a => a.Str("finishedAt"), StringComparer.Ordinal).ToArray();
        for (var i = 1; i < ended.Length; i++)
        {
            Assert.True(ended[i].Str("vmStateBefore") == ended[i - 1].Str("vmStateAfter"), $"chain broken at {ended[i].Str("id")}; {what}");
        }

        if (ended.Length > 0)
        {
            Assert.True(vm.Str("vmState") == ended[^1].Str("vmStateAfter"), $"final vm_state is not the last outcome's; {what}");
        }

        var failures = ended.Where(a => a.Str("status") == "failed").ToArray();
        if (failures.Length > 0)
        {
            var lastFailure = failures[^1];
            // The VM keeps its last failure as its fault (lifecycle.md: "kept on the VM as its last fault").
            Assert.True(vm.TryGetProperty("fault", out var fault) && fault.ValueKind == JsonValueKind.Object, $"no fault on the VM; {what}");
            Assert.False(string.IsNullOrEmpty(fault.Str("message")), what);
            Assert.True(fault.Str("action") == lastFailure.Str("action"), $"the VM's fault is not its last failure; {what}");
        }

        figures.Checked(history.Length + 1);
        return (vm, history);
    }

    private static void CheckOne(JsonElement action, string what)
    {
        var id = action.Str("id");
        var status = action.Str("status");
        var terminal = action.EventSteps().Count(s => Terminal.Contains(s));
        Assert.True(terminal == 1, $"action {id} has {terminal} terminal events; {what}");
        Assert.True(action.Str("taskState") is null || status != "running", $"action {id} still running; {what}");
        var name = action.Str("action")!;
        var before = action.Str("vmStateBefore")!;
        var after = action.Str("vmStateAfter");
        switch (status)
        {
            case "succeeded":
                Assert.True(action.EventSteps().Contains("task.succeeded"), what);
                Assert.True(LifecycleOracle.SuccessStates(name, before).Contains(after), $"succeeded {name} from {before} left {after}; {what}");
                break;
            case "failed":
                Assert.True(action.EventSteps().Contains("task.failed"), what);
                Assert.True(LifecycleOracle.FailureStates(name, before).Contains(after), $"failed {name} from {before} left {after}; {what}");
                Assert.True(action.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.Str("code") is not null, $"failed {id} has no error; {what}");
                break;
            case "preempted":
                Assert.True(action.EventSteps().Contains("task.preempted"), what);
                break;
            default:
                Assert.Fail($"action {id} ended as '{status}'; {what}");
                break;
        }
    }
}
