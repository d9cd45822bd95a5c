namespace VmControl.Application.Fleet;

/// <summary>The fleet orchestration's input: the operation and the poll interval, fixed at start so replays agree.</summary>
public sealed record FleetRun(string OperationId, TimeSpan PollInterval);
