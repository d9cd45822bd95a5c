using System.Text.RegularExpressions;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// The microversion a request asks for (<c>OpenStack-API-Version: compute X</c> or the legacy
/// <c>X-OpenStack-Nova-API-Version: X</c>), checked as <c>nova/api/openstack/wsgi.py</c> does: none means the
/// minimum, <c>latest</c> the maximum, a malformed one is a 400, one outside [min, max] a 406.
/// </summary>
public static partial class Microversion
{
    public const string Min = "2.1";
    public const string Max = "2.1";
    public const string Header = "OpenStack-API-Version";
    public const string LegacyHeader = "X-OpenStack-Nova-API-Version";

    /// <summary>Null when the request's version is served; else the fault to answer with.</summary>
    public static NovaResult? Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = Requested(request);
        if (asked is null || asked.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var match = Pattern().Match(asked);
        if (!match.Success)
        {
            return NovaResult.Fault(400, $"API Version String {asked} is of invalid format. Must be of format MajorNum.MinorNum.");
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return major == 2 && minor == 1
            ? null
            : NovaResult.Fault(406, $"Version {asked} is not supported by the API. Minimum is {Min} and maximum is {Max}.");
    }

    private static string? Requested(HttpRequest request)
    {
        // The new header wins, and only its "compute" entry counts (it may name several services).
        foreach (var value in request.Headers[Header])
        {
            foreach (var entry in (value ?? string.Empty).Split(','))
            {
                var parts = entry.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0].Equals("compute", StringComparison.OrdinalIgnoreCase))
                {
                    return parts[1].Trim();
                }
            }
        }

        var legacy = request.Headers[LegacyHeader].ToString();
        return legacy.Length > 0 ? legacy.Trim() : null;
    }

    [GeneratedRegex(@"^([1-9]\d{0,3})\.(0|[1-9]\d{0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
