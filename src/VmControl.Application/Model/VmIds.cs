using System.Security.Cryptography;

namespace VmControl.Application.Model;

/// <summary>VM ids are the service's own (<c>vm-</c> + 16 lowercase hex), never user text, and checked on every route.</summary>
public static class VmIds
{
    public static string New() => "vm-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsValid(string? id) =>
        id is { Length: 19 } && id.StartsWith("vm-", StringComparison.Ordinal) && id.AsSpan(3).ContainsAnyExcept("0123456789abcdef") is false;
}
