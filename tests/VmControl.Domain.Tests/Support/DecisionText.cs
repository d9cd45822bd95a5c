namespace VmControl.Domain.Tests.Support;

/// <summary>A decision as one comparable line, so a failing assertion shows every field (lists included).</summary>
internal static class DecisionText
{
    public static string Of(Decision decision) => decision switch
    {
        Decision.Accepted a => $"accepted {a.TaskState.ToWire()} preempts={a.Preempts?.ToWire() ?? "-"}",
        Decision.AlreadyDeleting d => $"already-deleting finished={d.Finished}",
        Decision.Refused r =>
            $"refused {r.Code} vm_state={r.VmState.ToWire()} task_state={r.TaskState?.ToWire() ?? "-"} allowed=[{string.Join(",", r.AllowedActions.Select(x => x.ToWire()))}]",
        _ => decision?.ToString() ?? "null",
    };
}
