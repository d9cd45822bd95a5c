using System.Text.Json;

namespace VmControl.Testing;

/// <summary>
/// What the server's own records imply about the events of some VMs, checked against what a receiver got: every action
/// in a VM's history has its accepted, started (when it started) and end event; the VM's <c>vm.*</c> events chain (each
/// one's <c>before</c> is the previous write's <c>after</c>, from <c>created</c> to the VM as it is now); nothing else
/// arrived about them; a redelivery carries the same event; and each VM's events first arrived in id order.
/// </summary>
public static class EventLedger
{
    private const string Prefix = "vmcontrol.";

    /// <summary>The problems found; empty when the receiver has exactly the implied events.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(
        ApiClient api, IReadOnlyCollection<string> vmIds, IReadOnlyList<ReceivedEvent> received, bool checkOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(vmIds);
        ArgumentNullException.ThrowIfNull(received);
        var problems = new List<string>();
        foreach (var vmId in vmIds)
        {
            var subject = "vms/" + vmId;
            var mine = received.Where(e => e.Subject == subject).ToList();
            var distinct = Distinct(mine, problems);
            var actions = await api.ListActionsAsync(vmId, cancellationToken).ConfigureAwait(false);
            problems.AddRange(ActionProblems(vmId, actions, distinct));
            var vm = await api.GetVmAsync(vmId, cancellationToken).ConfigureAwait(false);
            problems.AddRange(ChainProblems(vmId, vm, distinct));
            if (checkOrder)
            {
                var firsts = mine.Select(e => e.Id).Distinct().ToList();
                if (!firsts.SequenceEqual(firsts.Order(StringComparer.Ordinal)))
                {
                    problems.Add($"{vmId}: events first arrived out of id order: {string.Join(", ", firsts)}");
                }
            }
        }

        return problems;
    }

    /// <summary>Whether every event the records imply has arrived (for a wait loop; <see cref="ProblemsAsync"/> says what is wrong).</summary>
    public static async Task<bool> CompleteAsync(ApiClient api, IReadOnlyCollection<string> vmIds, IReadOnlyList<ReceivedEvent> received, CancellationToken cancellationToken) =>
        (await ProblemsAsync(api, vmIds, received, checkOrder: false, cancellationToken).ConfigureAwait(false)).Count == 0;

    private static List<ReceivedEvent> Distinct(List<ReceivedEvent> mine, List<string> problems)
    {
        var byId = new Dictionary<string, ReceivedEvent>(StringComparer.Ordinal);
        foreach (var e in mine)
        {
            if (!byId.TryAdd(e.Id, e) && (byId[e.Id].Type != e.Type || byId[e.Id].Data.GetRawText() != e.Data.GetRawText()))
            {
                problems.Add($"{e.Id} arrived twice with different content");
            }
        }

        return [.. byId.Values.OrderBy(e => e.Id, StringComparer.Ordinal)];
    }

    private static IEnumerable<string> ActionProblems(string vmId, JsonElement[] actions, List<ReceivedEvent> events)
    {
        var expected = new List<(string Type, string ActionId)>();
        foreach (var action in actions)
        {
            var id = action.Str("id")!;
            expected.Add((Prefix + "action.accepted.v1", id));
            if (action.Str("startedAt") is not null)
            {
                expected.Add((Prefix + "action.started.v1", id));
            }

            if (action.Str("status") is { } status and not "running")
            {
                expected.Add((Prefix + $"action.{status}.v1", id));
            }
        }

        var got = events.Where(e => e.Type.StartsWith(Prefix + "action.", StringComparison.Ordinal)).Select(e => (Type: e.Type, ActionId: e.Text("actionId") ?? "?")).ToList();
        foreach (var missing in expected.Except(got))
        {
            yield return $"{vmId}: missing {missing.Type} of {missing.ActionId}";
        }

        foreach (var extra in got.Except(expected))
        {
            yield return $"{vmId}: unexpected {extra.Type} of {extra.ActionId}";
        }

        if (got.Count != got.Distinct().Count())
        {
            yield return $"{vmId}: an action event arrived twice under different ids";
        }
    }

    private static IEnumerable<string> ChainProblems(string vmId, JsonElement vm, List<ReceivedEvent> events)
    {
        var changes = events.Where(e => e.Type.StartsWith(Prefix + "vm.", StringComparison.Ordinal)).ToList();
        if (changes.Count == 0 || changes[0].Type != Prefix + "vm.created.v1" || changes.Count(e => e.Type == Prefix + "vm.created.v1") != 1)
        {
            yield return $"{vmId}: the VM's events do not start with exactly one vm.created ({string.Join(", ", changes.Select(e => e.Type))})";
            yield break;
        }

        var after = Statuses(changes[0].Data.GetProperty("after"));
        string? before = null;
        foreach (var e in changes.Skip(1))
        {
            var (eBefore, eAfter) = (Statuses(e.Data.GetProperty("before")), Statuses(e.Data.GetProperty("after")));

            // Two events of one write (a state and a power change) share their before and after.
            var sameWrite = eBefore == before && eAfter == after;
            if (eBefore != after && !sameWrite)
            {
                yield return $"{vmId}: {e.Type} {e.Id} starts from {eBefore}, but the previous write left {after}";
            }

            (before, after) = (eBefore, eAfter);
        }

        var now = $"{vm.Str("vmState")}/{vm.Str("taskState")}/{vm.Str("powerState")}";
        if (after != now)
        {
            yield return $"{vmId}: the last event leaves {after}, but the VM is {now}";
        }
    }

    private static string Statuses(JsonElement s) => $"{s.Str("vmState")}/{s.Str("taskState")}/{s.Str("powerState")}";
}
