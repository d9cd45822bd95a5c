namespace VmControl.Application.Model;

public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
}
