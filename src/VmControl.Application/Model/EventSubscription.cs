using VmControl.Application.Events;

namespace VmControl.Application.Model;

/// <summary>
/// A webhook subscription (docs/events.md): where to POST, which events (types and subject prefixes; null = all), the
/// signing secret and the retry budget. The secret is kept as given; only the storage account and the answer that
/// created it ever show it.
/// </summary>
public sealed record EventSubscription(
    string Id,
    Uri Url,
    IReadOnlyList<string>? Types,
    IReadOnlyList<string>? Subjects,
    string Secret,
    int MaxAttempts,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public const string IdPrefix = "sub-";

    /// <summary>Whether this subscription wants <paramref name="e"/>: its type matches one entry and its subject starts with one prefix.</summary>
    public bool Matches(VmEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return EventFilter.TypeMatches(Types, e.Type)
            && (Subjects is null || Subjects.Any(s => e.Subject.StartsWith(s, StringComparison.Ordinal)));
    }

    /// <summary>Ids are <c>sub-</c> and 16 lower-case hex digits.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: 20 } && id.StartsWith(IdPrefix, StringComparison.Ordinal) && !id.AsSpan(IdPrefix.Length).ContainsAnyExcept("0123456789abcdef");

    public static string NewId() => IdPrefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
