namespace VmControl.Http.Contracts;

public sealed record FaultResource(string Action, string ActionId, string Code, string Message, DateTimeOffset At);
