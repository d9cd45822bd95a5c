namespace VmControl.Application.Tasks;

/// <summary>The orchestration instance id of a VM's task: one per VM, so a running instance is the VM's task lock.</summary>
public static class TaskInstanceIds
{
    public static string For(string vmId) => $"{vmId}:task";
}
