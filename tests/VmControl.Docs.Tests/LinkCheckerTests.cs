using VmControl.Docs.Tests.Links;

namespace VmControl.Docs.Tests;

/// <summary>The link check on a small repository written for each test: it finds what is broken, and only that.</summary>
public sealed class LinkCheckerTests : IDisposable
{
    // The repository is a folder inside the temporary one, so a file "outside the repository" can exist too.
    private readonly string parent = Directory.CreateTempSubdirectory("vmcontrol-links-").FullName;

    private readonly string root;

    public LinkCheckerTests()
    {
        root = Directory.CreateDirectory(Path.Combine(parent, "repo")).FullName;
        Write("docs/guide.md", "# Guide\n\n## 1. First part\n\n## Status codes\n\n## Status codes\n\nText.\n");
        Write("src/App/Code.cs", "// See docs/guide.md.\n");
    }

    [Fact]
    public void BrokenReferences_EverythingResolves_IsEmpty()
    {
        Write("README.md", "[guide](docs/guide.md), [codes](docs/guide.md#status-codes), [again](docs/guide.md#status-codes-1), [code](src/App/Code.cs), [folder](src/App)\n");
        Write("docs/other.md", "# Other\n\nSee [here](#other), guide.md §1, `guide.md` §1 and [up](../README.md).\n\n```bash\n[not a link](missing.md)\n```\n");
        Write("src/App/More.cs", "// docs/guide.md#status-codes, guide.md §1, https://example.com/docs/missing.md, docs/*.md\n");

        Assert.Empty(new LinkChecker(root).BrokenReferences());
    }

    [Fact]
    public void BrokenReferences_MissingFilesAnchorsAndSections_AreAllReportedWithTheirLines()
    {
        Write("README.md", "# Read me\n\n[gone](docs/gone.md)\n[bad anchor](docs/guide.md#nope)\n![img](docs/images/none.png)\n[self](#not-here)\n");
        Write("src/App/Broken.cs", "// docs/missing.md\n// guide.md §4\n// docs/guide.md#nowhere\n");

        var broken = new LinkChecker(root).BrokenReferences();

        Assert.Equal(7, broken.Count);
        Assert.Contains(broken, p => p.StartsWith("README.md:3: [gone](docs/gone.md)", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("README.md:4: ", StringComparison.Ordinal) && p.Contains("'#nope'", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("README.md:5: ", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("README.md:6: ", StringComparison.Ordinal) && p.Contains("'#not-here'", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("src/App/Broken.cs:1: docs/missing.md", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("src/App/Broken.cs:2: ", StringComparison.Ordinal) && p.Contains("numbered 4", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("src/App/Broken.cs:3: ", StringComparison.Ordinal) && p.Contains("'#nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenReferences_LinkToAFileOutsideTheRepository_IsReported()
    {
        File.WriteAllText(Path.Combine(parent, "elsewhere.md"), "# Elsewhere\n");
        Write("docs/escape.md", "[outside](../../elsewhere.md)\n");

        var broken = new LinkChecker(root).BrokenReferences();

        Assert.Equal(["docs/escape.md:1: [outside](../../elsewhere.md): points outside the repository"], broken);
    }

    [Fact]
    public void OutsideReferences_SharedDocuments_AreReported()
    {
        var shared = string.Join("/", "..", "shared", "docs", "api.md");
        Write("docs/leak.md", $"# Leak\n\nThe contract is {shared}.\n");

        var outside = new LinkChecker(root).OutsideReferences();

        Assert.Equal([$"docs/leak.md:3: refers to '{string.Join("/", "..", "shared")}': The contract is {shared}."], outside);
    }

    [Fact]
    public void Files_BuildOutputAndDotFolders_AreSkipped()
    {
        Write("src/App/bin/Release/notes.md", "[x](missing.md)\n");
        Write("src/App/obj/project.assets.json", "docs/missing.md\n");
        Write(".tools/azurite/README.md", "[x](missing.md)\n");

        Assert.Empty(new LinkChecker(root).BrokenReferences());
    }

    [Theory]
    [InlineData("2. One task at a time", "2-one-task-at-a-time")]
    [InlineData("Deploying the code after the portal (or `az`) created the resources", "deploying-the-code-after-the-portal-or-az-created-the-resources")]
    [InlineData("Table Storage: tables and keys", "table-storage-tables-and-keys")]
    [InlineData("Heal policy (`PowerSync:HealPolicy`, `Alert` by default)", "heal-policy-powersynchealpolicy-alert-by-default")]
    [InlineData("A request's path", "a-requests-path")]
    [InlineData("See [the API](api.md) → here", "see-the-api--here")]
    [InlineData("snake_case and kebab-case", "snake_case-and-kebab-case")]
    public void Slug_Heading_IsGitHubsAnchor(string heading, string anchor) =>
        Assert.Equal(anchor, Markdown.Slug(heading));

    public void Dispose() => Directory.Delete(parent, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
