namespace VmControl.Application.Model;

/// <summary>One step of a task (e.g. <c>hypervisor.begin</c>, <c>hypervisor.poll</c>), with its result.</summary>
public sealed record ActionEvent(string Step, DateTimeOffset At, string Result, string? Detail = null);
