namespace VmControl.Application.Events;

/// <summary>The type filter of subscriptions and the stream: an entry is a type, or a prefix when it ends in <c>*</c>.</summary>
public static class EventFilter
{
    public static bool TypeMatches(IReadOnlyList<string>? types, string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return types is null || types.Any(t => t.EndsWith('*')
            ? type.StartsWith(t.AsSpan(0, t.Length - 1), StringComparison.Ordinal)
            : string.Equals(t, type, StringComparison.Ordinal));
    }
}
