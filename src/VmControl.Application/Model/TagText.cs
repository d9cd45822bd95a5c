namespace VmControl.Application.Model;

/// <summary>
/// A VM's tags as Nova's plain tag strings (docs/fleet.md): the tag map's entry <c>key</c> with an empty value is the
/// tag <c>key</c>, and <c>key</c>/<c>value</c> is the tag <c>key=value</c>. One model, two views: the tag API and the
/// tag filters work on the strings, the VM's <c>tags</c> field shows the map.
/// </summary>
public static class TagText
{
    public const char Separator = '=';

    public static string Render(string key, string value) => value.Length == 0 ? key : key + Separator + value;

    public static IEnumerable<string> Of(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.Select(t => Render(t.Key, t.Value));
    }

    /// <summary>The map entry a tag string stands for: the text before the first '=' is the key.</summary>
    public static KeyValuePair<string, string> Parse(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var at = tag.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? new(tag, string.Empty) : new(tag[..at], tag[(at + 1)..]);
    }

    public static bool Has(IReadOnlyDictionary<string, string> tags, string tag)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var (key, value) = Parse(tag);
        return tags.TryGetValue(key, out var stored) && string.Equals(stored, value, StringComparison.Ordinal);
    }
}
