using System.Globalization;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// The operation id of an action still in progress: only a soft stop is (the guest decides when it powers off), so
/// the id carries the instant after which the poll destroys the domain. Every other action ends within its begin.
/// </summary>
internal static class LibvirtOperation
{
    private const string StopPrefix = "stop:";

    public const string Done = "done";

    public static string Stop(DateTimeOffset deadline) =>
        StopPrefix + deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The stop's deadline, or null for an id that is not a stop in progress.</summary>
    public static DateTimeOffset? StopDeadline(string operationId) =>
        operationId.StartsWith(StopPrefix, StringComparison.Ordinal)
            && long.TryParse(operationId.AsSpan(StopPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
