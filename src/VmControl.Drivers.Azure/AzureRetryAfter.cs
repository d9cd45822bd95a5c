using System.Globalization;

namespace VmControl.Drivers.Azure;

/// <summary>Reads ARM's <c>Retry-After</c> (seconds, or an HTTP date) so polls and retries wait as long as ARM asks.</summary>
internal static class AzureRetryAfter
{
    public static TimeSpan? From(Response? response, TimeProvider clock)
    {
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
