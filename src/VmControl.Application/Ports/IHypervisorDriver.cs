namespace VmControl.Application.Ports;

/// <summary>
/// The hypervisor or cloud. One operation per action, started by <see cref="BeginAsync"/> and polled by the
/// orchestrator (activities stay short; docs/architecture.md#durable-task-engine). Failures are <see cref="HypervisorException"/>.
/// </summary>
public interface IHypervisorDriver
{
    /// <summary>The driver's name as VM records and the API show it (<c>simulated</c>, <c>azure</c>).</summary>
    string Name { get; }

    DriverCapabilities Capabilities { get; }

    /// <summary>Starts the command's action on the hypervisor and returns a handle to poll.</summary>
    Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default);

    /// <summary>How the operation is doing; on success, the machine's power state after it.</summary>
    Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default);

    /// <summary>One machine's power state; <see cref="Domain.PowerState.NoState"/> when the hypervisor does not have it.</summary>
    Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default);

    /// <summary>Every machine's power state, a page (about 1,000) at a time: power sync never reads one machine at a time.</summary>
    Task<Page<PowerReading>> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default);
}
