namespace VmControl.Docs.Tests.Links;

/// <summary>
/// Checks a repository's references: every link and document mention names a file (or folder) inside the repository
/// that exists, every <c>#anchor</c> a heading of that Markdown file, every <c>§N</c> a numbered heading; and no file
/// points at documents kept outside the repository. Reports every problem, one line each, so one run shows them all.
/// </summary>
internal sealed class LinkChecker(string root)
{
    /// <summary>Where the project's background documents lived outside the repository; nothing may point there.</summary>
    public static IReadOnlyList<string> ForbiddenPatterns { get; } = ["../shared", "shared/docs", "shared/research"];

    private readonly string root = Path.GetFullPath(root);

    private readonly Dictionary<string, string> markdown = new(StringComparer.Ordinal);

    /// <summary>Broken references, as <c>file:line: reference: why</c>, in file order; empty when all resolve.</summary>
    public IReadOnlyList<string> BrokenReferences()
    {
        var problems = new List<string>();
        foreach (var file in RepoText.Files(root).Order(StringComparer.Ordinal))
        {
            if (RepoText.Read(root, file) is not { } text)
            {
                continue;
            }

            foreach (var reference in ReferenceFinder.Find(file, text))
            {
                if (Check(reference) is { } why)
                {
                    problems.Add($"{file}:{reference.Line}: {reference.Text}: {why}");
                }
            }
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Lines that point outside the repository (<see cref="ForbiddenPatterns"/>), as <c>file:line: text</c>.</summary>
    public IReadOnlyList<string> OutsideReferences()
    {
        var problems = new List<string>();
        foreach (var file in RepoText.Files(root).Order(StringComparer.Ordinal))
        {
            var lines = RepoText.Read(root, file)?.Split('\n') ?? [];
            for (var i = 0; i < lines.Length; i++)
            {
                if (ForbiddenPatterns.FirstOrDefault(p => lines[i].Contains(p, StringComparison.OrdinalIgnoreCase)) is { } pattern)
                {
                    problems.Add($"{file}:{i + 1}: refers to '{pattern}': {lines[i].Trim()}");
                }
            }
        }

        return problems;
    }

    private string? Check(DocReference reference)
    {
        var target = Resolve(reference);
        if (target is null)
        {
            return reference.Kind == ReferenceKind.Link
                ? $"no file or folder '{reference.Target}' next to {reference.File}"
                : $"no document '{reference.Target}' next to the file, at the repository root or in docs/";
        }

        if (!IsInside(target))
        {
            return "points outside the repository";
        }

        var relative = RepoText.Relative(root, target);
        if ((reference.Anchor is not null || reference.Section is not null) && !relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            // An anchor into a code file (#L10) is GitHub's line link: nothing to check here.
            return null;
        }

        if (reference.Anchor is { } anchor && !Markdown.Anchors(Text(target)).Contains(anchor))
        {
            return $"no heading with the anchor '#{anchor}' in {relative}";
        }

        if (reference.Section is { } section && !Markdown.HasSection(Text(target), section))
        {
            return $"no heading numbered {section} in {relative}";
        }

        return null;
    }

    private string? Resolve(DocReference reference)
    {
        var file = Path.Combine(root, reference.File);
        var here = Path.GetDirectoryName(file)!;
        if (reference.Target.Length == 0)
        {
            return file;
        }

        IEnumerable<string> candidates = reference.Kind == ReferenceKind.Link
            ? [reference.Target.StartsWith('/') ? Path.Combine(root, reference.Target.TrimStart('/')) : Path.Combine(here, reference.Target)]
            : [Path.Combine(here, reference.Target), Path.Combine(root, reference.Target), Path.Combine(root, "docs", reference.Target)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(p => File.Exists(p) || Directory.Exists(p));
    }

    private bool IsInside(string path) =>
        path == root || path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string Text(string path)
    {
        if (!markdown.TryGetValue(path, out var text))
        {
            text = File.ReadAllText(path).ReplaceLineEndings("\n");
            markdown[path] = text;
        }

        return text;
    }
}
