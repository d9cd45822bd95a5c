namespace VmControl.Drivers.Azure.Tests;

/// <summary>An LRO the fake started: the statuses its status URL answers in turn (the last one repeats).</summary>
internal sealed class FakeArmOperation(IEnumerable<string> statuses, string? errorCode, string? errorMessage)
{
    private readonly Queue<string> statuses = new(statuses);

    public string? ErrorCode { get; } = errorCode;

    public string? ErrorMessage { get; } = errorMessage;

    public string NextStatus() => statuses.Count > 1 ? statuses.Dequeue() : statuses.Peek();
}
