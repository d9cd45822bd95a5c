namespace VmControl.Events.Stream;

/// <summary>
/// The type filter of a stream (and of a subscription): an entry matches one type exactly, or, when it ends in <c>*</c>,
/// every type that starts with what comes before it (<c>vmcontrol.alert.*</c>).
/// </summary>
public static class EventTypePattern
{
    public static bool Matches(string pattern, string type)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(type);
        return pattern.EndsWith('*')
            ? type.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, type, StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="type"/> passes <paramref name="patterns"/>; none (null) lets every type pass.</summary>
    public static bool Any(IReadOnlyList<string>? patterns, string type) =>
        patterns is null || patterns.Any(p => Matches(p, type));
}
