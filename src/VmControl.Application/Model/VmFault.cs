namespace VmControl.Application.Model;

/// <summary>The last failure of a task on a VM.</summary>
public sealed record VmFault(VmAction Action, string ActionId, string Code, string Message, DateTimeOffset At);
