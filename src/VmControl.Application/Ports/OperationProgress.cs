namespace VmControl.Application.Ports;

/// <summary>A poll's answer. <see cref="Power"/> is the machine's power after success; <see cref="Error"/> says why it failed.</summary>
public sealed record OperationProgress(
    OperationState State,
    PowerReading? Power = null,
    HypervisorError? Error = null,
    TimeSpan? PollAfter = null);
