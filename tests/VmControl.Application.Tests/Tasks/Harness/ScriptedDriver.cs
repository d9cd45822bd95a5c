using System.Collections.Concurrent;

namespace VmControl.Application.Tests.Tasks.Harness;

/// <summary>
/// A fake at the driver port over the simulated hypervisor: every call reaches the simulator unless a script for the
/// machine (by external id) says otherwise, and calls are counted per machine.
/// </summary>
internal sealed class ScriptedDriver : IHypervisorDriver
{
    private readonly ConcurrentDictionary<string, MachineScript> scripts = new(StringComparer.Ordinal);
    private IHypervisorDriver inner = null!;

    public string Name => inner.Name;

    public DriverCapabilities Capabilities => inner.Capabilities;

    /// <summary>This driver over <paramref name="real"/> (each engine has its own simulator over the shared tables).</summary>
    public IHypervisorDriver Over(IHypervisorDriver real)
    {
        inner = real;
        return this;
    }

    /// <summary>The script of one machine, created on first use.</summary>
    public MachineScript For(string externalId) => scripts.GetOrAdd(externalId, _ => new MachineScript());

    public async Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var script = command.ExternalId is { } id ? For(id) : null;
        script?.CountBegin();
        var operation = await inner.BeginAsync(command, cancellationToken);
        script?.AfterBegin?.Invoke();
        return operation;
    }

    public Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var script = For(operation.ExternalId);
        script.CountPoll();
        script.BeforePoll?.Invoke();
        return script.Poll is { } poll ? Task.FromResult(poll(operation)) : inner.PollAsync(operation, cancellationToken);
    }

    public Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default) =>
        inner.GetPowerStateAsync(externalId, cancellationToken);

    public Task<Page<PowerReading>> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default) =>
        inner.ListPowerStatesAsync(continuationToken, cancellationToken);
}
