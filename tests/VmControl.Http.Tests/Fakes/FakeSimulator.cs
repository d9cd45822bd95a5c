using System.Collections.Concurrent;

namespace VmControl.Http.Tests.Fakes;

public sealed class FakeSimulator : ISimulatorControl
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task SetSettingsAsync(int latencyMs, double failureRate, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"settings {latencyMs} {failureRate}");
        return Task.CompletedTask;
    }

    public Task AddFaultAsync(string? vmId, VmAction? action, int count, SimulatorFaultKind kind, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"fault {vmId} {action} {count} {kind}");
        return Task.CompletedTask;
    }

    public Task<bool> SetPowerStateAsync(string vmId, PowerState powerState, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"power {vmId} {powerState}");
        return Task.FromResult(true);
    }

    public Task<string> AddHoldAsync(string? vmId, VmAction? action, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"hold {vmId ?? "*"} {action}");
        return Task.FromResult("hold-1");
    }

    public Task<bool> ReleaseHoldAsync(string holdId, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"release {holdId}");
        return Task.FromResult(holdId == "hold-1");
    }

    public Task<string> AddMachineAsync(string name, PowerState powerState, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"machine {name} {powerState}");
        return Task.FromResult("sim-" + name);
    }
}
