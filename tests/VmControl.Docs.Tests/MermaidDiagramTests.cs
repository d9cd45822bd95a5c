using VmControl.Docs.Tests.Rendering;

namespace VmControl.Docs.Tests;

public sealed class MermaidDiagramTests
{
    [Theory]
    [InlineData("initialized --> active : create")]
    [InlineData("stopped --> stopped : rebuild, snapshot, backup")]
    [InlineData("active --> resized : resize")]
    [InlineData("stopped --> resized : resize")]
    [InlineData("resized --> active : confirm_resize, revert_resize")]
    [InlineData("resized --> stopped : confirm_resize, revert_resize")]
    [InlineData("soft_deleted --> active : restore")]
    [InlineData("[*] --> initialized")]
    public void Render_Table_DrawsTheEdge(string edge) =>
        Assert.Contains($"    {edge}\n", MermaidDiagram.Render(), StringComparison.Ordinal);

    [Fact]
    public void Render_Table_StartsAsAStateDiagramAndDeclaresEveryVmState()
    {
        var lines = MermaidDiagram.Render().Split('\n');

        Assert.Equal("stateDiagram-v2", lines[0]);
        Assert.All(WireNames.All<VmState>(), s => Assert.Contains($"    {s}", lines));
    }

    [Fact]
    public void Render_Delete_IsANoteNotNineEdges()
    {
        var diagram = MermaidDiagram.Render();

        Assert.DoesNotContain("--> hard_deleted", diagram, StringComparison.Ordinal);
        Assert.Contains("note right of hard_deleted : delete", diagram, StringComparison.Ordinal);
    }

    [Fact]
    public void Edges_EveryAllowedStateOfEveryActionButDelete_HasAnEdge()
    {
        var edges = MermaidDiagram.Edges();

        Assert.All(
            LifecycleTable.Rules.Where(r => r.Action != VmAction.Delete).SelectMany(r => r.AllowedFrom.Select(s => (r.Action, s))),
            pair => Assert.Contains(edges, e => e.From == pair.s && e.Actions.Contains(pair.Action)));
    }

    [Fact]
    public void Edges_Rebuild_NeverTurnsAStoppedVmActive() =>
        Assert.DoesNotContain(MermaidDiagram.Edges(), e => e.From == VmState.Stopped && e.To == VmState.Active && e.Actions.Contains(VmAction.Rebuild));
}
