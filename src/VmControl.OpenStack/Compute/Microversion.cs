using System.Text.RegularExpressions;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// The microversion a request asks for, read and checked as Nova's <c>wsgi.py</c> (<c>set_api_version_request</c>)
/// and <c>microversion_parse.get_version</c> do: the <c>OpenStack-API-Version</c> header's last <c>compute X</c> entry
/// wins over the legacy <c>X-OpenStack-Nova-API-Version</c> (whose last comma-separated value counts); none means
/// 2.1, exactly <c>latest</c> the maximum, a malformed one is a 400, one outside [min, max] a 406.
/// </summary>
public static partial class Microversion
{
    public const string Header = "OpenStack-API-Version";
    public const string LegacyHeader = "X-OpenStack-Nova-API-Version";

    public static NovaVersion Min { get; } = new(2, 1);

    public static NovaVersion Max { get; } = new(2, 96);

    /// <summary>
    /// The version to serve, or the fault to answer with. <c>Echo</c> is what the response's version headers say: the
    /// served version, the refused one on a 406 (Nova has set it by then), none on a 400 (Nova never parsed one).
    /// </summary>
    public static (NovaVersion Version, NovaResult? Fault, string? Echo) Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = Requested(request);
        if (asked is null)
        {
            return (Min, null, Min.ToString());
        }

        // Case matters: "Latest" is as malformed to Nova as "abc".
        if (asked == "latest")
        {
            return (Max, null, Max.ToString());
        }

        var match = Pattern().Match(asked);
        if (!match.Success)
        {
            return (Min, NovaResult.Fault(400, $"API Version String {asked} is of invalid format. Must be of format MajorNum.MinorNum."), null);
        }

        // Python's integers have no limit, so a huge number is out of range rather than malformed.
        var fits = int.TryParse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var major)
            & int.TryParse(match.Groups[2].ValueSpan, System.Globalization.CultureInfo.InvariantCulture, out var minor);
        var version = new NovaVersion(major, minor);
        return fits && version >= Min && version <= Max
            ? (version, null, version.ToString())
            : (Min, NovaResult.Fault(406, $"Version {asked} is not supported by the API. Minimum is {Min} and maximum is {Max}."), asked);
    }

    private static string? Requested(HttpRequest request)
    {
        // Repeated headers fold into one comma-separated value, as WSGI servers fold them.
        if (request.Headers.TryGetValue(Header, out var standard))
        {
            foreach (var entry in string.Join(',', standard.ToArray()).Split(',').Reverse())
            {
                var parts = entry.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0].Equals("compute", StringComparison.OrdinalIgnoreCase))
                {
                    return parts[1].Trim();
                }
            }
        }

        return request.Headers.TryGetValue(LegacyHeader, out var legacy)
            ? string.Join(',', legacy.ToArray()).Split(',')[^1].Trim()
            : null;
    }

    // Nova's pattern, ASCII digits only: ^([1-9]\d*)\.([1-9]\d*|0)$.
    [GeneratedRegex(@"^([1-9][0-9]*)\.([1-9][0-9]*|0)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
