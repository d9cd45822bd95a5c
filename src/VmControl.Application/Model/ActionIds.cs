using System.Globalization;
using System.Security.Cryptography;

namespace VmControl.Application.Model;

/// <summary>
/// Action ids sort newest first in ordinal order (inverted ticks), so a VM's history reads newest first straight
/// from the store: <c>a</c> + 19 digits + <c>-</c> + 8 lowercase hex (the hex keeps two actions of one tick apart).
/// </summary>
public static class ActionIds
{
    private const int TicksDigits = 19;
    private const int HexLength = 8;
    private const int Length = 1 + TicksDigits + 1 + HexLength;

    public static string New(DateTimeOffset now)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"a{inverted:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(HexLength / 2))}");
    }

    public static bool IsValid(string? id) =>
        id is { Length: Length }
        && id[0] == 'a'
        && id[1 + TicksDigits] == '-'
        && IdText.IsDigits(id.AsSpan(1, TicksDigits))
        && IdText.IsLowerHex(id.AsSpan(2 + TicksDigits));
}
