using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Testing.Fakes;

/// <summary>A driver whose capabilities a test chooses; the API never calls the hypervisor itself.</summary>
public sealed class FakeDriver(DriverCapabilities capabilities) : IHypervisorDriver
{
    public string Name => "fake";

    public DriverCapabilities Capabilities { get; } = capabilities;

    public Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Page<PowerReading>> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
