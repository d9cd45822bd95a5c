namespace VmControl.Http.Contracts;

public sealed record ActionEventResource(string Step, DateTimeOffset At, string Result, string? Detail);
