namespace VmControl.Application.Ports;

/// <summary>A started hypervisor operation: the machine it acts on and the driver's handle for polling it.</summary>
/// <param name="ExternalId">The driver's id of the machine (known after create began).</param>
/// <param name="OperationId">The driver's handle (an ARM operation URL, a simulator operation id).</param>
/// <param name="PollAfter">How long to wait before the first poll (ARM's Retry-After).</param>
/// <param name="Done">Set when the operation ended within the begin call (a hypervisor that answers at once): its
/// outcome, as a poll would have given it, so no poll is needed.</param>
public sealed record HypervisorOperation(string ExternalId, string OperationId, TimeSpan PollAfter, OperationProgress? Done = null);
