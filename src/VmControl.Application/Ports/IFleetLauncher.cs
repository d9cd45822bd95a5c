using VmControl.Application.Fleet;

namespace VmControl.Application.Ports;

/// <summary>Starts a fleet operation's orchestration (the Durable client behind a narrow seam).</summary>
public interface IFleetLauncher
{
    /// <summary>Starts the operation's orchestration; false when one already runs for it (a repeated start).</summary>
    Task<bool> TryStartAsync(FleetRun run, CancellationToken cancellationToken = default);
}
