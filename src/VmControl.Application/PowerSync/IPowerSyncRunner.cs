namespace VmControl.Application.PowerSync;

/// <summary>Runs one power-sync and reconciliation pass now (<c>POST /api/power-sync</c>) and returns its summary.</summary>
public interface IPowerSyncRunner
{
    Task<PowerSyncSummary> RunPassAsync(CancellationToken cancellationToken = default);
}
