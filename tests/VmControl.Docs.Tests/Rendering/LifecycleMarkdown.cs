using System.Text;

namespace VmControl.Docs.Tests.Rendering;

/// <summary>The lifecycle table and the power consistency table as Markdown, rendered from <see cref="LifecycleDescription"/>.</summary>
internal static class LifecycleMarkdown
{
    private static readonly string[] AllButHardDeleted =
        [.. Enum.GetValues<VmState>().Where(s => s != VmState.HardDeleted).Select(s => s.ToWire())];

    /// <summary>Both tables, separated by a blank line; lines end with <c>\n</c>.</summary>
    public static string RenderTables()
    {
        var description = LifecycleDescription.Build(new Dictionary<VmAction, string>());
        var sb = new StringBuilder();
        sb.Append("| action | task_state | allowed from vm_state | on success → vm_state | expected power after | on failure |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        foreach (var a in description.Actions)
        {
            var from = a.AllowedFrom.SequenceEqual(AllButHardDeleted)
                ? $"any but {Code(VmState.HardDeleted.ToWire())}"
                : string.Join(", ", a.AllowedFrom.Select(Code));
            from += a.PreemptsTasks ? ", with any task in flight (pre-empts it)" : "";
            Row(sb, a.Action, Code(a.TaskState), from, a.OnSuccess, a.ExpectedPowerAfter, a.OnFailure);
        }

        sb.Append('\n');
        sb.Append("| vm_state (no task in flight) | consistent power_state |\n");
        sb.Append("|---|---|\n");
        foreach (var p in description.PowerConsistency)
        {
            var consistent = p.VmState == VmState.Error.ToWire() ? "" : string.Join(", ", p.Consistent.Select(Code));
            var cell = p.Note is null ? consistent : string.Join("; ", new[] { consistent, p.Note }.Where(s => s.Length > 0));
            Row(sb, Code(p.VmState), cell);
        }

        return sb.ToString();
    }

    private static string Code(string wire) => $"`{wire}`";

    private static void Row(StringBuilder sb, params string[] cells) =>
        sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
}
