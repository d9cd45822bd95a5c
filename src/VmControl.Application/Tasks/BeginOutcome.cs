using VmControl.Application.Ports;

namespace VmControl.Application.Tasks;

/// <summary>A started operation, or the permanent error that kept it from starting.</summary>
public sealed record BeginOutcome(HypervisorOperation? Operation, HypervisorError? Error);
