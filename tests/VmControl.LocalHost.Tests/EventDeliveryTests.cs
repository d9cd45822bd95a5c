using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Text.Json;

namespace VmControl.LocalHost.Tests;

/// <summary>
/// Issue 17's end-to-end proof on a real LocalHost with its own identity: a webhook receiver in this process (it
/// answers the handshake and checks every signature), 100 VMs and 1,000 actions, then the events received are checked
/// against the server's own history: every event id, nothing more, in order per VM.
/// </summary>
public sealed class EventDeliveryTests(ITestOutputHelper output)
{
    private const int Vms = 100;
    private static readonly string[] Rounds = ["stop", "start", "reboot", "stop", "start", "reboot", "stop", "start", "reboot"];
    private static readonly string[] Terminal = ["vmcontrol.action.succeeded.v1", "vmcontrol.action.failed.v1", "vmcontrol.action.preempted.v1"];

    [Fact]
    public async Task ThousandActionsOnHundredVms_TheReceiverGetsExactlyTheEventsTheHistoryImplies_InOrderPerVm()
    {
        using var timeout = TestTimeout.Start(240);
        var identity = LocalHostIdentity.New("Evt");
        await using var receiver = await WebhookReceiver.StartAsync(timeout.Token);
        var ends = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        receiver.OnAccepted = e =>
        {
            // Each action's end, once per event id, wakes the chain of its VM.
            if (Terminal.Contains(e.Type) && seen.TryAdd(e.Id, 0))
            {
                ends.GetOrAdd(e.Data.GetProperty("vmId").GetString()!, _ => new SemaphoreSlim(0)).Release();
            }
        };
        try
        {
            await using var host = await LocalHostProcess.StartAsync(identity, EventHost.Arguments, timeout.Token);
            using var api = new ApiClient(host.BaseAddress);
            var created = await api.PostAsync(
                "/api/event-subscriptions", JsonSerializer.Serialize(new { url = receiver.Url.ToString(), secret = WebhookReceiver.Secret }), timeout.Token);
            ApiClient.Expect(created, HttpStatusCode.Created);
            Assert.Equal(1, receiver.Handshakes);

            using var gate = new SemaphoreSlim(25);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var vmIds = await Task.WhenAll(Enumerable.Range(0, Vms).Select(i => RunChainAsync(api, gate, ends, i, timeout.Token)));
            var actionsDone = clock.Elapsed;
            await WaitQuietAsync(receiver, timeout.Token);

            // For the reader of a slow run, not asserted: where the time went.
            output.WriteLine($"{Vms * (Rounds.Length + 1)} actions ended (as seen by the receiver) after {actionsDone.TotalSeconds:F1} s; quiet after {clock.Elapsed.TotalSeconds:F1} s; {receiver.Received.Count} deliveries accepted");

            var actions = 0;
            foreach (var id in vmIds)
            {
                actions += (await api.ListActionsAsync(id, timeout.Token)).Length;
            }

            Assert.Equal(Vms * (Rounds.Length + 1), actions);
            Assert.Equal(0, receiver.BadSignatures);
            Assert.Empty(await EventLedger.ProblemsAsync(api, vmIds, receiver.Received, checkOrder: true, timeout.Token));

            // Nothing about a VM the run did not make.
            Assert.All(receiver.Received, e => Assert.True(vmIds.Contains(e.Subject["vms/".Length..]), $"{e.Id} {e.Type} of {e.Subject}"));
        }
        finally
        {
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await AzuriteCleanup.DeleteAsync(identity, cleanup.Token);
        }
    }

    /// <summary>Creates one VM and runs the rounds on it, each next action once the receiver has the previous one's end.</summary>
    private static async Task<string> RunChainAsync(ApiClient api, SemaphoreSlim gate, ConcurrentDictionary<string, SemaphoreSlim> ends, int index, CancellationToken cancellationToken)
    {
        string vmId;
        await gate.WaitAsync(cancellationToken);
        try
        {
            vmId = await api.CreateVmAsync("evt-" + index, "ubuntu", cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        var ended = ends.GetOrAdd(vmId, _ => new SemaphoreSlim(0));
        await ended.WaitAsync(cancellationToken);
        foreach (var action in Rounds)
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await RequestAsync(api, vmId, action, cancellationToken);
            }
            finally
            {
                gate.Release();
            }

            await ended.WaitAsync(cancellationToken);
        }

        return vmId;
    }

    /// <summary>The action's end event can arrive before the VM's task is cleared: a 409 task_in_progress is asked again.</summary>
    private static async Task RequestAsync(ApiClient api, string vmId, string action, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await api.ActionAsync(vmId, JsonSerializer.Serialize(new { action }), cancellationToken);
            if (response.Status == HttpStatusCode.Accepted)
            {
                return;
            }

            Assert.True(response.Status == HttpStatusCode.Conflict && response.Json.Str("code") == "task_in_progress", $"{action} on {vmId}: {response}");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits until nothing new arrived for two seconds (the VMs' last state changes trail their actions' ends).</summary>
    private static async Task WaitQuietAsync(WebhookReceiver receiver, CancellationToken cancellationToken)
    {
        var count = -1;
        while (receiver.Received.Count != count)
        {
            count = receiver.Received.Count;
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}
