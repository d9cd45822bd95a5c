namespace VmControl.Application.Model;

public enum ActionStatus
{
    Running,
    Succeeded,
    Failed,
    Preempted,
}
