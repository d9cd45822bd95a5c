using Microsoft.Extensions.Logging;

namespace VmControl.Application.PowerSync;

public sealed partial class PowerSyncService
{
    /// <summary>
    /// Reads one machine (<see cref="IHypervisorDriver.GetPowerStateAsync"/>) and applies it to its VM as a pass would,
    /// without counting as a pass (<see cref="PowerSyncPass.SyncMachineAsync"/>). It does not wait for a running pass:
    /// the two write by compare-and-swap, and the newer observation wins whichever lands last.
    /// </summary>
    public async Task<bool> SyncMachineAsync(string externalId, CancellationToken cancellationToken = default)
    {
        var pass = NewPass(time.GetUtcNow(), singleMachine: true);
        try
        {
            var reading = await driver.GetPowerStateAsync(externalId, cancellationToken).ConfigureAwait(false);
            var vm = await pass.SyncMachineAsync(reading, cancellationToken).ConfigureAwait(false);
            LogMachineSynced(logger, reading.VmId ?? "none", externalId, reading.PowerState.ToWire(), vm is null ? "skipped" : pass.Changed > 0 ? "written" : "unchanged");
            return pass.Changed > 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The timer pass is the safety net: a driver or store outage here only delays this VM's power until then.
            LogMachineFailed(logger, externalId, $"{ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    [LoggerMessage(EventId = 240, Level = LogLevel.Debug, Message = "Power change of machine {ExternalId} (VM {VmId}): {PowerState}, {Outcome}")]
    private static partial void LogMachineSynced(ILogger logger, string vmId, string externalId, string powerState, string outcome);

    [LoggerMessage(EventId = 241, Level = LogLevel.Warning, Message = "Power change of machine {ExternalId} not applied: {Error}; the next pass will")]
    private static partial void LogMachineFailed(ILogger logger, string externalId, string error);
}
