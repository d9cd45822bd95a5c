namespace VmControl.Application.Tests.Telemetry;

/// <summary>A driver whose every call fails as a refusing hypervisor would.</summary>
internal sealed class FailingDriver : IHypervisorDriver
{
    public static readonly HypervisorError Refusal = new("quota_exceeded", "No capacity for this size.", Transient: false, FailureKind.NothingChanged);

    public string Name => "failing";

    public DriverCapabilities Capabilities => DriverCapabilities.All;

    public Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default) =>
        throw new HypervisorException(Refusal);

    public Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default) =>
        throw new HypervisorException(Refusal);

    public Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default) =>
        throw new HypervisorException(Refusal);

    public Task<Page<PowerReading>> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default) =>
        throw new HypervisorException(Refusal);
}
