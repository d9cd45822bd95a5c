using System.Text.RegularExpressions;
using VmControl.OpenStack.Compute;

namespace VmControl.OpenStack.Tests.Contract;

/// <summary>docs/openstack.md's state tables say what <see cref="NovaStates"/> does, for every VmControl state.</summary>
public sealed partial class DocsTests
{
    private static readonly IReadOnlyList<string[]> VmRows = ReadTable("| VmControl vm_state");
    private static readonly IReadOnlyList<string[]> TaskRows = ReadTable("| VmControl task_state");

    [Fact]
    public void Every_vm_state_row_matches_the_mapping()
    {
        foreach (var state in Enum.GetValues<VmState>())
        {
            var row = VmRows.Single(r => Names(r[0]).SequenceEqual([state.ToWire()]));
            Assert.Equal(NovaStates.VmState(state), Names(row[1]).Single());
            Assert.Equal(NovaStates.Status(state, null), row[2]);
        }
    }

    [Fact]
    public void Every_task_state_row_matches_the_mapping()
    {
        foreach (var task in Enum.GetValues<TaskState>())
        {
            var row = TaskRows.Single(r => Names(r[0]).Contains(task.ToWire()));
            var nova = row[1] == "same" ? task.ToWire() : Names(row[1]).Single();
            Assert.Equal(NovaStates.TaskState(task), nova);
        }
    }

    private static IReadOnlyList<string> Names(string cell) => [.. Backticked().Matches(cell).Select(m => m.Groups[1].Value)];

    /// <summary>The body rows of the table whose header starts with <paramref name="header"/>, up to the blank line after it.</summary>
    private static List<string[]> ReadTable(string header)
    {
        var lines = File.ReadAllLines(RepoPaths.PathOf("docs", "openstack.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/openstack.md lacks the table " + header);
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
