namespace VmControl.Application.Schedules;

/// <summary>What the schedules want of one VM now (<c>GET /api/vms/{id}/schedule</c>).</summary>
/// <param name="Schedules">The enabled schedules that claim it; more than one is a conflict no tick acts on.</param>
/// <param name="State">The desired state under the one schedule (with any override), or null when none or several claim it.</param>
/// <param name="Reached">Whether the VM is in that state now.</param>
/// <param name="Action">The action a tick would issue, or null.</param>
/// <param name="Blocked">Why a tick could not act (a state no action leads from), or null.</param>
public sealed record VmScheduleView(IReadOnlyList<Schedule> Schedules, ScheduleState? State, bool Reached, VmAction? Action, string? Blocked);
