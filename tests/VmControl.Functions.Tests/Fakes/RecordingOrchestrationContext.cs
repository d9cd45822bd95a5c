using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VmControl.Functions.Tests.Fakes;

/// <summary>
/// An orchestration context that runs an orchestrator in memory, without an engine: it records the activities the
/// orchestrator calls, answers each with <paramref name="answer"/> of the result type it asks for (not of its name:
/// the names are what a test records), and fires every timer at once.
/// </summary>
public sealed class RecordingOrchestrationContext(object? input, Func<Type, object?> answer) : TaskOrchestrationContext
{
    private readonly List<string> activities = [];

    /// <summary>The activity names the orchestrator called, in order.</summary>
    public IReadOnlyList<string> Activities => activities;

    public override TaskName Name => new("RecordingOrchestration");

    public override string InstanceId => "recording-instance";

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public override bool IsReplaying => false;

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override T GetInput<T>() => (T)input!;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        activities.Add(name.Name);
        return Task.FromResult((TResult)answer(typeof(TResult))!);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => throw new NotSupportedException();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => throw new NotSupportedException();
}
