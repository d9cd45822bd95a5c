using VmControl.Docs.Tests.Rendering;
using VmControl.Docs.Tests.Support;
using VmControl.Testing;

namespace VmControl.Docs.Tests;

/// <summary>
/// docs/lifecycle.md carries the diagram and the tables rendered from <see cref="LifecycleTable"/>; this fails when
/// they are stale. Regenerate with <c>UPDATE_DOCS=1 dotnet test tests/VmControl.Docs.Tests --filter LifecycleDocTests</c>.
/// </summary>
public sealed class LifecycleDocTests
{
    private static readonly string DocPath = RepoPaths.PathOf("docs", "lifecycle.md");

    public static TheoryData<string> Sections => ["diagram", "table"];

    [Theory]
    [MemberData(nameof(Sections))]
    public void DocsLifecycleMd_Section_MatchesWhatTheTableRendersNow(string section)
    {
        var text = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var rendered = Render(section);

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, MarkedSection.Replace(text, section, rendered));
            return;
        }

        Assert.Equal(rendered, MarkedSection.Read(text, section));
    }

    private static string Render(string section) => section switch
    {
        "diagram" => $"```mermaid\n{MermaidDiagram.Render()}```\n",
        "table" => LifecycleMarkdown.RenderTables(),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
    };
}
