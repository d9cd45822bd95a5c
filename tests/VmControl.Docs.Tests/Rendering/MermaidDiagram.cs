using System.Text;

namespace VmControl.Docs.Tests.Rendering;

/// <summary>
/// The lifecycle as a Mermaid state diagram, rendered from <see cref="LifecycleTable"/>: one node per vm_state, one
/// edge per (from, to) pair of successful actions, labelled with the actions. Conditional rules draw every edge they
/// can take (rebuild stopped → stopped, confirm/revert resized → active or stopped). Delete, allowed from every
/// state, is a note on <c>hard_deleted</c> instead of nine edges; failures (→ error) are a note on <c>error</c>.
/// Only docs/lifecycle.md uses it (<see cref="LifecycleDocTests"/>); the console draws its own diagram from <c>GET /api/lifecycle</c>.
/// </summary>
internal static class MermaidDiagram
{
    /// <summary>The diagram source, without the surrounding code fence; lines end with <c>\n</c>.</summary>
    public static string Render()
    {
        var sb = new StringBuilder("stateDiagram-v2\n");
        foreach (var state in Enum.GetValues<VmState>())
        {
            sb.Append("    ").Append(state.ToWire()).Append('\n');
        }

        sb.Append("    [*] --> ").Append(VmState.Initialized.ToWire()).Append('\n');
        foreach (var edge in Edges())
        {
            sb.Append("    ").Append(edge.From.ToWire()).Append(" --> ").Append(edge.To.ToWire())
              .Append(" : ").Append(string.Join(", ", edge.Actions.Select(a => a.ToWire()))).Append('\n');
        }

        var delete = LifecycleTable.For(VmAction.Delete);
        sb.Append("    note right of ").Append(VmState.HardDeleted.ToWire())
          .Append(" : ").Append(delete.Action.ToWire()).Append(" from every other vm_state, pre-empting any task\n");
        sb.Append("    note right of ").Append(VmState.Error.ToWire())
          .Append(" : reached when a task fails unrecoverably, only delete (or the admin reset-state) leaves it\n");
        return sb.ToString();
    }

    /// <summary>The success edges of every action but delete, grouped by (from, to) in table order.</summary>
    public static IReadOnlyList<Edge> Edges()
    {
        var edges = new List<Edge>();
        foreach (var rule in LifecycleTable.Rules.Where(r => r.Action != VmAction.Delete))
        {
            foreach (var from in LifecycleDescription.OrderedAllowedFrom(rule))
            {
                foreach (var to in Targets(rule, from))
                {
                    var i = edges.FindIndex(e => e.From == from && e.To == to);
                    if (i < 0)
                    {
                        edges.Add(new(from, to, [rule.Action]));
                    }
                    else
                    {
                        edges[i] = edges[i] with { Actions = [.. edges[i].Actions, rule.Action] };
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>Every vm_state <paramref name="rule"/> can land in from <paramref name="from"/>, asked of <see cref="Lifecycle.OnSuccess"/>.</summary>
    private static IEnumerable<VmState> Targets(ActionRule rule, VmState from)
    {
        // Only a resized VM depends on the state before the resize: try every state a resize starts from.
        VmState?[] befores = from == VmState.Resized
            ? [.. LifecycleDescription.OrderedAllowedFrom(LifecycleTable.For(VmAction.Resize)).Select(s => (VmState?)s)]
            : [null];
        return befores
            .Select(before => Lifecycle.OnSuccess(new VmStatus(from, rule.TaskState, StateBeforeResize: before), rule.Action).VmState)
            .Distinct();
    }

    /// <summary>One arrow of the diagram: the actions whose success moves a VM from <paramref name="From"/> to <paramref name="To"/>.</summary>
    public sealed record Edge(VmState From, VmState To, IReadOnlyList<VmAction> Actions);
}
