namespace VmControl.Application.Model;

public enum AlertKind
{
    PowerMismatch,
    StuckTask,
    OrphanedTask,
    MissingOnHypervisor,
    UnknownOnHypervisor,
}
