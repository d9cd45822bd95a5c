using System.Security.Cryptography;

namespace VmControl.Application.Fleet;

/// <summary>Fleet operation ids (<c>fop-</c> + 16 hex of the creation ticks + 8 random hex: they sort by creation) and the names derived from them.</summary>
public static class FleetIds
{
    public const string Prefix = "fop-";

    public static string New(DateTimeOffset now) =>
        Prefix + now.UtcTicks.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static bool IsValid(string? id) =>
        id is { Length: 28 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(Prefix.Length).ContainsAnyExcept("0123456789abcdef") is false;

    /// <summary>The history's <c>requestedBy</c> of the operation's actions.</summary>
    public static string Initiator(string id) => "fleet:" + id;

    /// <summary>The operation's orchestration instance: one per operation, so a repeated start is refused by the engine.</summary>
    public static string InstanceId(string id) => "fleet-" + id;
}
