using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

public sealed record OverrideResource(
    string Id, string? VmId, SelectorBody? Selector, string Desired, DateTimeOffset Until, string Reason, string Author, string? Project, DateTimeOffset CreatedAt, bool Active)
{
    public static OverrideResource From(ScheduleOverride o, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Id, o.VmId, o.Selector is null ? null : SelectorBody.From(o.Selector), ScheduleWire.Power(o.Desired), o.Until, o.Reason, o.Author, o.Project, o.CreatedAt, o.IsActive(now));
    }
}
