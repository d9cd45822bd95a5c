using System.Text.Json;

namespace VmControl.LocalHost.Tests.Support;

/// <summary>What a receiver got, checked against the server's history: ids, the action events, the VM state chains, order per VM.</summary>
public static class EventSetCheck
{
    private const string ActionPrefix = "vmcontrol.action.";
    private const string VmPrefix = "vmcontrol.vm.";

    public static void Verify(WebhookReceiver receiver, IReadOnlyDictionary<string, JsonElement[]> history, IReadOnlyDictionary<string, JsonElement> finals)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(finals);
        Assert.Equal(0, receiver.BadSignatures);
        var all = receiver.Received;

        // At least once: a duplicate must be an exact copy of the first.
        var first = new Dictionary<string, ReceivedEvent>(StringComparer.Ordinal);
        foreach (var e in all)
        {
            if (!first.TryAdd(e.Id, e))
            {
                Assert.Equal(first[e.Id].Body, e.Body);
            }
        }

        var events = first.Values.ToList();
        foreach (var (vmId, actions) in history)
        {
            var mine = events.Where(e => e.Subject == "vms/" + vmId).ToList();

            // Arrival order is id order, per VM.
            Assert.Equal(mine.Select(e => e.Id).Order(StringComparer.Ordinal), mine.Select(e => e.Id));
            VerifyActions(vmId, actions, mine.Where(e => e.Type.StartsWith(ActionPrefix, StringComparison.Ordinal)).ToList());
            VerifyChain(vmId, mine.Where(e => e.Type.StartsWith(VmPrefix, StringComparison.Ordinal)).ToList(), finals[vmId]);
        }

        // Nothing about a VM the history does not know.
        Assert.All(events, e => Assert.True(
            !e.Subject.StartsWith("vms/", StringComparison.Ordinal) || history.ContainsKey(e.Subject[4..]) || e.Type.StartsWith("vmcontrol.alert.", StringComparison.Ordinal),
            $"{e.Id} {e.Type} of {e.Subject}: no such VM"));
    }

    private static void VerifyActions(string vmId, JsonElement[] actions, List<ReceivedEvent> events)
    {
        var expected = new List<(string ActionId, string Type)>();
        foreach (var action in actions)
        {
            var id = action.Str("id")!;
            expected.Add((id, "vmcontrol.action.accepted.v1"));
            if (action.TryGetProperty("startedAt", out var started) && started.ValueKind != JsonValueKind.Null)
            {
                expected.Add((id, "vmcontrol.action.started.v1"));
            }

            expected.Add((id, "vmcontrol.action." + action.Str("status") + ".v1"));
        }

        var got = events.Select(e => (e.Data.GetProperty("actionId").GetString()!, e.Type)).ToList();
        Assert.True(
            expected.Order().SequenceEqual(got.Order()),
            $"VM {vmId}: the action events differ from its history. Missing: {string.Join(", ", expected.Except(got))}; extra or repeated: {string.Join(", ", got.Except(expected))} ({got.Count} got, {expected.Count} expected)");
    }

    /// <summary>
    /// The VM's state chain. The events of one write (a state change and a power change together) carry that write's
    /// before and after, so the chain is over writes (events with one time): each starts where the previous ended.
    /// </summary>
    private static void VerifyChain(string vmId, List<ReceivedEvent> events, JsonElement final)
    {
        Assert.NotEmpty(events);
        Assert.Equal("vmcontrol.vm.created.v1", events[0].Type);
        Assert.Equal(JsonValueKind.Null, events[0].Data.GetProperty("before").ValueKind);
        var writes = events.GroupBy(e => e.CloudEvent.GetProperty("time").GetString()).Select(g => g.ToList()).ToList();
        foreach (var write in writes)
        {
            Assert.True(write.Select(e => e.Data.GetProperty("after").GetRawText()).Distinct().Count() == 1, $"VM {vmId}: the events of one write disagree: {string.Join(", ", write.Select(e => e.Id))}");
            Assert.True(write.Select(e => e.Type).Distinct().Count() == write.Count, $"VM {vmId}: one write published a type twice: {string.Join(", ", write.Select(e => e.Id))}");
        }

        for (var i = 1; i < writes.Count; i++)
        {
            var before = Statuses(writes[i][0].Data.GetProperty("before"));
            var previous = Statuses(writes[i - 1][0].Data.GetProperty("after"));
            Assert.True(before == previous, $"VM {vmId}: {writes[i][0].Id} ({writes[i][0].Type}) starts from {before}, the previous write ended at {previous}");
        }

        var last = Statuses(writes[^1][0].Data.GetProperty("after"));
        Assert.Equal((final.Str("vmState"), final.Str("taskState"), final.Str("powerState")), last);
    }

    private static (string? VmState, string? TaskState, string? PowerState) Statuses(JsonElement s) =>
        (s.Str("vmState"), s.Str("taskState"), s.Str("powerState"));
}
