namespace VmControl.Application.Ports;

/// <summary>A driver call failed. Activities let it surface so the orchestrator's retry policy sees <see cref="Transient"/>.</summary>
public sealed class HypervisorException : Exception
{
    public HypervisorException()
        : this(new HypervisorError("hypervisor_error", "The hypervisor call failed.", Transient: false, FailureKind.NothingChanged))
    {
    }

    public HypervisorException(string message)
        : this(new HypervisorError("hypervisor_error", message, Transient: false, FailureKind.NothingChanged))
    {
    }

    public HypervisorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new HypervisorError("hypervisor_error", message, Transient: false, FailureKind.NothingChanged);
    }

    public HypervisorException(HypervisorError error, Exception? innerException = null)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message, innerException)
    {
        Error = error;
    }

    public HypervisorError Error { get; }

    public bool Transient => Error.Transient;
}
