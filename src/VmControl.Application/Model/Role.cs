namespace VmControl.Application.Model;

/// <summary>
/// What a caller may do, each role including the one before it (docs/security.md): a reader reads, an operator also
/// creates VMs, runs actions and acknowledges alerts, an admin also resets state, runs power sync, drives the simulator,
/// acts on locked VMs and sees every project.
/// </summary>
public enum Role
{
    Reader = 1,
    Operator = 2,
    Admin = 3,
}
