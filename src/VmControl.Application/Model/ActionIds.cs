using System.Globalization;
using System.Security.Cryptography;

namespace VmControl.Application.Model;

/// <summary>Action ids sort newest first (inverted ticks), so a VM's history reads in row-key order.</summary>
public static class ActionIds
{
    public static string New(DateTimeOffset now) =>
        "a" + (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
        + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static bool IsValid(string? id) =>
        id is { Length: 29 } && id[0] == 'a' && id[20] == '-'
        && !id.AsSpan(1, 19).ContainsAnyExcept("0123456789")
        && !id.AsSpan(21).ContainsAnyExcept("0123456789abcdef");
}
