using VmControl.Domain;

using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

/// <summary><c>GET /api/vms/{id}/schedule</c>: the schedule claiming the VM, what it wants now and next, and what a tick would do.</summary>
public sealed record VmScheduleResource(
    string VmId, bool Scheduled, IReadOnlyList<string> ScheduleIds, ScheduleNowResource? Now, bool Reached, string? NextAction, string? Blocked, string? Mode)
{
    public static VmScheduleResource From(string vmId, VmScheduleView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            vmId,
            view.Schedules.Count > 0,
            [.. view.Schedules.Select(s => s.Id)],
            view.State is null ? null : ScheduleNowResource.From(view.State),
            view.Reached,
            view.Action?.ToWire(),
            view.Blocked,
            view.Schedules.Count == 1 ? ScheduleWire.Mode(view.Schedules[0].Mode) : null);
    }
}
