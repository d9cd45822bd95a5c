using VmControl.Application.Model;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;

namespace VmControl.Drivers.Simulated.Tests;

/// <summary>A simulated hypervisor on a test table with a fake clock, and the steps tests repeat.</summary>
internal sealed class SimulatorHarness
{
    public SimulatorHarness(TableClient table, int latencyMs = 0, double failureRate = 0, int? seed = null)
    {
        Table = table;
        Settings = new SimulatorSettings(latencyMs, failureRate, seed);
        Hypervisor = new SimulatedHypervisor(table, Settings, Time);
    }

    public TableClient Table { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public SimulatorSettings Settings { get; }

    public SimulatedHypervisor Hypervisor { get; }

    public static string NewVmId() => "vm-" + Guid.NewGuid().ToString("N");

    /// <summary>A command as a task sends it: with a request id of its own (the task's action id), the same on a repeat.</summary>
    public static HypervisorCommand Command(string vmId, VmAction action, IReadOnlyDictionary<string, string>? parameters = null) =>
        new(vmId, vmId, action, "vm " + vmId, "small", "ubuntu-24.04", new Dictionary<string, string>(), parameters ?? new Dictionary<string, string>(),
            RequestId: ActionIds.New(DateTimeOffset.UtcNow));

    /// <summary>A new simulator instance over the same table and clock (a host restart).</summary>
    public SimulatedHypervisor Restarted() => new(Table, Settings, Time);

    /// <summary>Begins the action and polls it to the end, moving the fake clock as the simulator asks.</summary>
    public async Task<OperationProgress> RunAsync(HypervisorCommand command)
    {
        var operation = await Hypervisor.BeginAsync(command);
        return await FinishAsync(operation);
    }

    public async Task<OperationProgress> FinishAsync(HypervisorOperation operation)
    {
        for (var i = 0; i < 10_000; i++)
        {
            var progress = await Hypervisor.PollAsync(operation);
            if (progress.State != OperationState.InProgress)
            {
                return progress;
            }

            Time.Advance(progress.PollAfter ?? TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("The simulated operation never finished.");
    }

    /// <summary>A running machine that belongs to a new VM.</summary>
    public async Task<string> CreateRunningAsync()
    {
        var vmId = NewVmId();
        var created = await RunAsync(Command(vmId, VmAction.Create));
        Assert.Equal(OperationState.Succeeded, created.State);
        return vmId;
    }

    /// <summary>Every reading of the bulk list, all pages.</summary>
    public async Task<List<PowerReading>> ListAllAsync()
    {
        var all = new List<PowerReading>();
        string? token = null;
        do
        {
            var page = await Hypervisor.ListPowerStatesAsync(token);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }
}
