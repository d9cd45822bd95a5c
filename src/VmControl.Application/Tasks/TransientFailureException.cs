namespace VmControl.Application.Tasks;

/// <summary>
/// Thrown by an activity for a failure a retry may cure (a transient hypervisor error, an unavailable store), so
/// that the orchestrator's retry policy (<see cref="VmTaskOrchestrator"/>) handles exactly these.
/// </summary>
public sealed class TransientFailureException : Exception
{
    public TransientFailureException()
    {
    }

    public TransientFailureException(string message)
        : base(message)
    {
    }

    public TransientFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
