using VmControl.Docs.Tests.Links;
using VmControl.Testing;

namespace VmControl.Docs.Tests;

/// <summary>
/// Every relative link and every document reference in the repository (README, docs/, src/, tests/, bench/, infra/,
/// scripts) resolves: the file exists, an <c>#anchor</c> names a heading of it, a <c>§N</c> a numbered heading; and no
/// file points at documents outside the repository. One failure lists every broken reference.
/// </summary>
public sealed class DocLinksTests
{
    [Fact]
    public void EveryLinkAndDocumentReference_InTheRepository_Resolves()
    {
        var broken = new LinkChecker(RepoPaths.Root).BrokenReferences();

        Assert.True(broken.Count == 0, Report(broken, "broken references"));
    }

    [Fact]
    public void NoFile_InTheRepository_RefersToDocumentsOutsideIt()
    {
        var outside = new LinkChecker(RepoPaths.Root).OutsideReferences();

        Assert.True(outside.Count == 0, Report(outside, "references to documents outside the repository"));
    }

    [Fact]
    public void TheCheck_ReadsTheDocsTheReadmeAndTheSources()
    {
        var files = RepoText.Files(RepoPaths.Root).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("README.md", files);
        Assert.Contains("docs/api.md", files);
        Assert.Contains("docs/architecture.md", files);
        Assert.Contains("src/VmControl.Http/openapi.json", files);
        Assert.Contains("src/VmControl.Http/Routing/ApiRoutes.cs", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }

    private static string Report(IReadOnlyList<string> problems, string what) =>
        $"{problems.Count} {what}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
}
