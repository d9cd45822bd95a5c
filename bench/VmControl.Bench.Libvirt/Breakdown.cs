using System.Text.Json;
using VmControl.Testing;

namespace VmControl.Bench.Libvirt;

/// <summary>
/// Where a task's time went, from the action record's own timestamps (the host's clock): from the request's arrival to
/// the begin step's start (the claim, the action record, the engine's dispatch), the driver's begin (the libvirt call
/// and its reads), and the rest of the time the bench measured (the request on its way in, the outcome writes, and the
/// bench's polling seeing the end).
/// </summary>
internal sealed record Breakdown(long Dispatch, long Driver, long Rest)
{
    public static Breakdown Of(JsonElement action, long measured)
    {
        var requested = action.GetProperty("requestedAt").GetDateTimeOffset();
        var started = action.GetProperty("startedAt").GetDateTimeOffset();
        var begun = action.GetProperty("events").EnumerateArray()
            .Where(e => e.Str("step") == "hypervisor.begin")
            .Select(e => e.GetProperty("at").GetDateTimeOffset())
            .DefaultIfEmpty(started)
            .First();
        var (dispatch, driver) = (Ms(started - requested), Ms(begun - started));
        return new Breakdown(dispatch, driver, measured - dispatch - driver);
    }

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;
}
