using VmControl.Application.Ports;

namespace VmControl.Application.Tasks;

/// <summary>The VM as the task found it: null <see cref="Command"/> when the task is no longer the VM's (pre-empted).</summary>
public sealed record StartOutcome(HypervisorCommand? Command);
