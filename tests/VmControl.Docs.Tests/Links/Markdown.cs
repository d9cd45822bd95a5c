using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VmControl.Docs.Tests.Links;

/// <summary>What a Markdown file offers to link to: its headings' anchors (GitHub's rules) and numbered sections.</summary>
internal static partial class Markdown
{
    /// <summary>The heading texts, in order, outside code fences (ATX headings: <c>#</c> to <c>######</c>).</summary>
    public static IReadOnlyList<string> Headings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. WithoutCodeFences(text).Split('\n').Select(l => HeadingPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups["text"].Value.Trim())];
    }

    /// <summary>
    /// Every anchor a link may name: each heading's slug, a repeated slug with <c>-1</c>, <c>-2</c>, … as GitHub numbers
    /// them, and explicit <c>&lt;a id="…"&gt;</c> / <c>name="…"</c> anchors.
    /// </summary>
    public static IReadOnlySet<string> Anchors(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var slug in Headings(text).Select(Slug))
        {
            var n = seen.GetValueOrDefault(slug);
            seen[slug] = n + 1;
            anchors.Add(n == 0 ? slug : $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (Match match in ExplicitAnchorPattern().Matches(text))
        {
            anchors.Add(match.Groups["id"].Value);
        }

        return anchors;
    }

    /// <summary>Whether a heading is numbered <paramref name="section"/> (<c>## 2. One task at a time</c>, <c>## §2 …</c>).</summary>
    public static bool HasSection(string text, int section) =>
        Headings(text).Any(h => Regex.IsMatch(h, $@"^§?\s*{section.ToString(CultureInfo.InvariantCulture)}(?:[.)]|\s|$)", RegexOptions.None, TimeSpan.FromSeconds(1)));

    /// <summary>
    /// GitHub's heading anchor: the rendered text (link text kept, markup dropped) in lower case, every character but
    /// letters, digits, marks, <c>-</c>, <c>_</c> and spaces removed, each space turned into <c>-</c>.
    /// </summary>
    public static string Slug(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var text = HtmlTagPattern().Replace(InlineLinkPattern().Replace(heading, "${text}"), string.Empty);
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (c is '-' or '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    /// <summary>The text with the lines inside ``` or ~~~ fences blanked, so line numbers stay as they were.</summary>
    public static string WithoutCodeFences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = FencePattern().Match(lines[i]);
            if (fence is null && marker.Success)
            {
                fence = marker.Groups["fence"].Value;
                lines[i] = string.Empty;
            }
            else if (fence is not null)
            {
                if (marker.Success && marker.Groups["fence"].Value.StartsWith(fence, StringComparison.Ordinal) && marker.Groups["info"].Value.Trim().Length == 0)
                {
                    fence = null;
                }

                lines[i] = string.Empty;
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*\r?$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLinkPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTagPattern();

    [GeneratedRegex("""<a\s[^>]*?(?:id|name)\s*=\s*["'](?<id>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitAnchorPattern();
}
