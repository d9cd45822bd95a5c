namespace VmControl.Docs.Tests.Links;

/// <summary>The repository's text files, as paths relative to its root with <c>/</c>: what the link check reads.</summary>
internal static class RepoText
{
    /// <summary>This project: its tests hold deliberately broken links and the forbidden patterns themselves.</summary>
    public const string SelfDirectory = "tests/VmControl.Docs.Tests";

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "", ".md", ".cs", ".csproj", ".props", ".targets", ".sln", ".json", ".js", ".mjs", ".html", ".css", ".bicep",
        ".bicepparam", ".sh", ".ps1", ".yaml", ".yml", ".http", ".txt", ".xml", ".editorconfig", ".gitignore",
    };

    // Build output, packages, tools installed by the scripts (.tools) and git's own files are not the project's text.
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "bin", "obj", "node_modules", "TestResults" };

    private static readonly HashSet<string> DotDirectoriesKept = new(StringComparer.Ordinal) { ".ci", ".github" };

    public static IEnumerable<string> Files(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (!SkippedDirectories.Contains(name) && (!name.StartsWith('.') || DotDirectoriesKept.Contains(name)) && Relative(root, sub) != SelfDirectory)
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir).Where(f => Extensions.Contains(Path.GetExtension(f))))
            {
                yield return Relative(root, file);
            }
        }
    }

    /// <summary>The file's text, or null for a binary file (one with a NUL character).</summary>
    public static string? Read(string root, string file)
    {
        var text = File.ReadAllText(Path.Combine(root, file)).ReplaceLineEndings("\n");
        return text.Contains('\0', StringComparison.Ordinal) ? null : text;
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
