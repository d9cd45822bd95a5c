namespace VmControl.Application.Ports;

public enum OperationState
{
    InProgress,
    Succeeded,
    Failed,
}
