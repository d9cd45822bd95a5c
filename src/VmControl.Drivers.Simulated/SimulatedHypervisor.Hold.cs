namespace VmControl.Drivers.Simulated;

/// <summary>
/// Holds (<see cref="SimulatorSettings.AddHold"/>): a held pending operation is never due, so it is neither completed
/// by a poll, nor answered at once by its begin, nor counted as done by a power reading, until the hold is released.
/// </summary>
public sealed partial class SimulatedHypervisor
{
    /// <summary>How soon a poll of a held operation asks to be repeated, so a release takes effect quickly.</summary>
    public static readonly TimeSpan HeldPollAfter = TimeSpan.FromMilliseconds(250);

    private bool IsHeld(MachineEntity row) => row.HasPending() && Settings.IsHeld(row.VmId, row.PendingActionOf());

    private bool IsDue(MachineEntity row, DateTimeOffset now) => row.IsDue(now) && !IsHeld(row);

    private MachineEntity? AsOf(MachineEntity row, DateTimeOffset now) => IsHeld(row) ? row : row.AsOf(now);
}
