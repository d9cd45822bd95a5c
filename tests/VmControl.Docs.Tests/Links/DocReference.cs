namespace VmControl.Docs.Tests.Links;

/// <summary>How a reference names its target, which decides where the target is looked for.</summary>
internal enum ReferenceKind
{
    /// <summary>A Markdown link or image, <c>[text](target)</c>: relative to the file that holds it, as GitHub renders it.</summary>
    Link,

    /// <summary>
    /// A document named in plain text (<c>docs/api.md</c>, <c>lifecycle.md §2</c>, a code comment's <c>api.md</c>): found
    /// next to the file, at the repository root or in <c>docs/</c>.
    /// </summary>
    Mention,
}

/// <summary>One reference to a file of the repository, with the heading it points at (an anchor or a numbered section).</summary>
/// <param name="File">The file holding the reference, relative to the repository root, with <c>/</c>.</param>
/// <param name="Line">1-based line of the reference.</param>
/// <param name="Text">The reference as written, for the failure message.</param>
/// <param name="Target">The path part, URL-decoded; empty for a link to an anchor of the same file.</param>
/// <param name="Anchor">The <c>#anchor</c> without <c>#</c>, or null.</param>
/// <param name="Section">The <c>§N</c> section number, or null.</param>
/// <param name="Kind">How to resolve <paramref name="Target"/>.</param>
internal sealed record DocReference(string File, int Line, string Text, string Target, string? Anchor, int? Section, ReferenceKind Kind);
