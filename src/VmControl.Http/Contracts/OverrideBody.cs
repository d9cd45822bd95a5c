using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

/// <summary>An override as written (<c>POST /api/overrides</c>): a VM or a selector, on or off, until an instant, and why.</summary>
/// <remarks><c>for</c> (a duration, <c>03:00:00</c>) is the other way to say <c>until</c>: from now.</remarks>
public sealed record OverrideBody(string? VmId, SelectorBody? Selector, string? Desired, DateTimeOffset? Until, string? Reason, TimeSpan? For = null)
{
    /// <summary>How far ahead an override may reach: it is a temporary exception, not a second schedule.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    public (ScheduleOverride? Value, ApiResult? Problem) ToOverride(string id, DateTimeOffset now)
    {
        if ((VmId is null) == (Selector is null))
        {
            return (null, Problems.Invalid("vmId", "Name either a vmId or a selector."));
        }

        if (VmId is not null && !VmIds.IsValid(VmId))
        {
            return (null, Problems.Invalid("vmId", "vmId is not a VM id."));
        }

        Selector? selector = null;
        if (Selector is not null)
        {
            var (value, problem) = Selector.ToSelector("selector");
            if (problem is not null)
            {
                return (null, problem);
            }

            selector = value;
        }

        if (Desired is null || !ScheduleWire.Desired.TryGetValue(Desired, out var desired))
        {
            return (null, Problems.Invalid("desired", "desired must be on or off."));
        }

        if (Until is not null && For is not null)
        {
            return (null, Problems.Invalid("for", "Give until or for, not both."));
        }

        if ((Until ?? (For is { } length ? now + length : null)) is not { } until || until <= now || until > now + MaxLength)
        {
            return (null, Problems.Invalid("until", "until must be an instant in the next 31 days (RFC 3339, with its offset), or for a duration up to 31 days."));
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 500)
        {
            return (null, Problems.Invalid("reason", "reason must be 1-500 characters."));
        }

        return (new ScheduleOverride { Id = id, VmId = VmId, Selector = selector, Desired = desired, Until = until.ToUniversalTime(), Reason = Reason, CreatedAt = now }, null);
    }
}
