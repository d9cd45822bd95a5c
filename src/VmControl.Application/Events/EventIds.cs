using System.Globalization;
using System.Security.Cryptography;

namespace VmControl.Application.Events;

/// <summary>
/// Event ids: <c>evt-</c>, the write time as 16 hex digits of UTC ticks, then 8 random hex digits. They sort in time
/// order (the outbox's row keys and the order per subject rely on it), and two writers never pick the same one.
/// </summary>
public static class EventIds
{
    public const string Prefix = "evt-";

    /// <summary>An id for the <paramref name="sequence"/>-th event of one write: events written together keep their order.</summary>
    public static string New(DateTimeOffset at, int sequence) =>
        Prefix + at.UtcTicks.ToString("x16", CultureInfo.InvariantCulture)
        + sequence.ToString("x2", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    public static bool IsValid(string? id) =>
        id is { Length: 28 } && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(Prefix.Length).ContainsAnyExcept("0123456789abcdef");
}
