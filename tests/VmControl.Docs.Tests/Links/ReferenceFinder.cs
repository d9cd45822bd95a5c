using System.Text.RegularExpressions;

namespace VmControl.Docs.Tests.Links;

/// <summary>
/// Finds the references a file makes to other files: Markdown links and images in <c>.md</c> files (outside code
/// fences), and plain mentions of a <c>.md</c> document in any text file, with an optional <c>#anchor</c> or
/// <c>§N</c> section after it.
/// </summary>
internal static partial class ReferenceFinder
{
    public static IEnumerable<DocReference> Find(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new LineIndex(text);
        var links = new List<Match>();
        if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            // In Markdown, code fences hold examples, not references.
            text = Markdown.WithoutCodeFences(text);
            links.AddRange(LinkPattern().Matches(text).Concat(ImagePattern().Matches(text)).Concat(DefinitionPattern().Matches(text)));
            foreach (var match in links)
            {
                if (Link(file, lines.Of(match.Index), match.Value, match.Groups["target"].Value) is { } link)
                {
                    yield return link;
                }
            }
        }

        foreach (Match match in MentionPattern().Matches(text))
        {
            if (links.Any(l => match.Index >= l.Index && match.Index < l.Index + l.Length))
            {
                // Part of a link (its text or its target), which is checked as the link.
                continue;
            }

            var section = match.Groups["section"].Success ? int.Parse(match.Groups["section"].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            var anchor = match.Groups["anchor"].Success ? match.Groups["anchor"].Value : null;
            yield return new DocReference(file, lines.Of(match.Index), match.Value, match.Groups["path"].Value, anchor, section, ReferenceKind.Mention);
        }
    }

    /// <summary>A link's target split into path and anchor; null for links that leave the repository (a URL, mail).</summary>
    private static DocReference? Link(string file, int line, string text, string target)
    {
        if (target.Length == 0 || target == "#" || SchemePattern().IsMatch(target) || target.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        path = Uri.UnescapeDataString(query < 0 ? path : path[..query]);
        return new DocReference(file, line, text, path, string.IsNullOrEmpty(anchor) ? null : anchor, null, ReferenceKind.Link);
    }

    // [text](target "title"): the text may hold one level of brackets, as a linked image's does ([![alt](img)](url)).
    [GeneratedRegex("""(?<!!)\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*<?(?<target>[^)\s>]*)>?(?:\s+"[^"]*")?\s*\)""")]
    private static partial Regex LinkPattern();

    // ![alt](src), also when it sits inside a link's text.
    [GeneratedRegex("""!\[[^\[\]\n]*\]\(\s*<?(?<target>[^)\s>]*)>?(?:\s+"[^"]*")?\s*\)""")]
    private static partial Regex ImagePattern();

    // A reference-style link's definition: [name]: target
    [GeneratedRegex("""^ {0,3}\[[^\]\n]+\]:[ \t]*<?(?<target>[^\s>]+)>?""", RegexOptions.Multiline)]
    private static partial Regex DefinitionPattern();

    // docs/api.md, ../docs/api.md, api.md#etags, lifecycle.md §2, `lifecycle.md` §3; not part of a URL or a longer path
    // (the look-behind), not *.md, not x.mdx.
    [GeneratedRegex("""(?<![\w./\\:@-])(?<path>(?:\.\.?/)*(?:[\w.-]+/)*[\w-][\w.-]*\.md)(?!\w)(?:#(?<anchor>[\w-]+)|`?[ \t]*§[ \t]*(?<section>\d+))?""")]
    private static partial Regex MentionPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePattern();

    /// <summary>Line numbers of character offsets.</summary>
    private sealed class LineIndex(string text)
    {
        private readonly int[] starts = [0, .. text.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];

        public int Of(int offset)
        {
            var i = Array.BinarySearch(starts, offset);
            return (i >= 0 ? i : ~i - 1) + 1;
        }
    }
}
