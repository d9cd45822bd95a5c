namespace VmControl.Docs.Tests.Support;

/// <summary>The text between <c>&lt;!-- name:start --&gt;</c> and <c>&lt;!-- name:end --&gt;</c> in a Markdown file.</summary>
internal static class MarkedSection
{
    public static string Read(string text, string name)
    {
        var (start, end) = Bounds(text, name);
        return text[start..end];
    }

    public static string Replace(string text, string name, string content)
    {
        var (start, end) = Bounds(text, name);
        return string.Concat(text.AsSpan(0, start), content, text.AsSpan(end));
    }

    private static (int Start, int End) Bounds(string text, string name)
    {
        var open = $"<!-- {name}:start -->\n";
        var close = $"<!-- {name}:end -->";
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = text.IndexOf(close, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"Markers '{open.Trim()}' and '{close}' not found in order.");
        }

        return (start + open.Length, end);
    }
}
