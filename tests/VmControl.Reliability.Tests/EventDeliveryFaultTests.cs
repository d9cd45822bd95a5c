using System.Text.Json;

namespace VmControl.Reliability.Tests;

/// <summary>
/// Event delivery under faults (docs/events.md), against a real LocalHost and a webhook receiver on 127.0.0.1: a receiver
/// away for 30 s, a host killed with events undelivered, a receiver that fails forever, and Azurite away for 10 s. In
/// each, the receiver ends with exactly the events the server's history implies (<see cref="EventLedger"/>).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class EventDeliveryFaultTests(ITestOutputHelper output)
{
    // Short back-offs and a quick recovery so the faults play out in seconds; the power-sync pass is what recovers.
    private static readonly string[] FastDelivery =
    [
        "--Events:Delivery:InitialBackoff=00:00:00.200",
        "--Events:Delivery:MaxBackoff=00:00:02",
        "--Events:Delivery:MaxAttempts=50",
        "--Events:RecoverAfter=00:00:02",
        "--PowerSync:Interval=00:00:03",
    ];

    [Fact]
    public Task ReceiverDownForThirtySeconds_EverythingArrivesAfterwards_InOrderPerVm() => FaultAsync(240, async (host, receiver, ct) =>
    {
        await SubscribeAsync(host.Api, receiver, maxAttempts: null, ct);
        var vms = await CreateVmsAsync(host.Api, 5, "down", ct);

        await receiver.StopAsync(ct);
        await StopThenStartAsync(host.Api, vms, ct);
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        await receiver.StartAgainAsync(ct);

        await WaitCompleteAsync(host.Api, vms, receiver, TimeSpan.FromSeconds(60), ct);
        Assert.Empty(await EventLedger.ProblemsAsync(host.Api, vms, receiver.Received, checkOrder: true, ct));
        Assert.Equal(0, receiver.BadSignatures);
    });

    [Fact]
    public Task HostKilledWithEventsUndelivered_TheyArriveAfterTheRestart_WithTheSameIds() => FaultAsync(240, async (host, receiver, ct) =>
    {
        await SubscribeAsync(host.Api, receiver, maxAttempts: null, ct);
        receiver.Answer = (_, _) => 500;
        var vms = await CreateVmsAsync(host.Api, 3, "kill", ct);
        await StopThenStartAsync(host.Api, vms, ct);
        var attempted = receiver.AttemptedIds.ToHashSet(StringComparer.Ordinal);

        await host.KillAndRestartAsync(ct);
        receiver.Answer = (_, _) => 200;

        await WaitCompleteAsync(host.Api, vms, receiver, TimeSpan.FromSeconds(90), ct);
        Assert.Empty(await EventLedger.ProblemsAsync(host.Api, vms, receiver.Received, checkOrder: false, ct));
        Assert.NotEmpty(attempted);
        Assert.Subset(receiver.Received.Select(e => e.Id).ToHashSet(StringComparer.Ordinal), attempted);
    });

    [Fact]
    public Task ReceiverFailingForever_EventsAreDeadLetteredAfterTheBudget_AndReplayDeliversThem() => FaultAsync(240, async (host, receiver, ct) =>
    {
        var subscription = await SubscribeAsync(host.Api, receiver, maxAttempts: 3, ct);
        receiver.Answer = (_, _) => 500;
        var vms = await CreateVmsAsync(host.Api, 2, "dead", ct);
        await StopThenStartAsync(host.Api, vms, ct);

        var deadLetters = $"/api/event-subscriptions/{subscription}/dead-letters";
        IReadOnlyList<ReceivedEvent> dead = [];
        await Until(async () => await EventLedger.CompleteAsync(host.Api, vms, dead = await DeadLettersAsync(host.Api, deadLetters, ct), ct), TimeSpan.FromSeconds(60), ct);
        Assert.All(dead, e => Assert.Equal(3, receiver.AttemptsOf(e.Id)));
        Assert.Empty(receiver.Received);

        receiver.Answer = (_, _) => 200;
        var replay = await host.Api.PostAsync(deadLetters + "/replay", "{}", ct);
        ApiClient.Expect(replay, HttpStatusCode.Accepted);
        Assert.Equal(dead.Count, replay.Json.GetProperty("replayed").GetInt32());

        await WaitCompleteAsync(host.Api, vms, receiver, TimeSpan.FromSeconds(60), ct);
        Assert.Empty(await EventLedger.ProblemsAsync(host.Api, vms, receiver.Received, checkOrder: true, ct));
        Assert.Equal(dead.Select(e => e.Id).Order(StringComparer.Ordinal), receiver.Received.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(await DeadLettersAsync(host.Api, deadLetters, ct));
    });

    [Fact]
    public Task AzuriteDownForTenSecondsMidLoad_NoEventIsLost() => FaultAsync(300, async (host, receiver, ct) =>
    {
        await SubscribeAsync(host.Api, receiver, maxAttempts: null, ct);
        var vms = await CreateVmsAsync(host.Api, 6, "outage", ct);
        using var stopLoad = new CancellationTokenSource();
        var load = Task.WhenAll(vms.Select(vm => ToggleUntilAsync(host.Api, vm, stopLoad.Token, ct)));

        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        await host.Azurite.StopAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        await host.Azurite.StartAgainAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        await stopLoad.CancelAsync();
        await load;
        foreach (var vm in vms)
        {
            await host.Api.WaitIdleAsync(vm, ct);
        }

        Assert.True(receiver.Received.Count > vms.Length * 8, $"only {receiver.Received.Count} events: the load hardly ran");
        await WaitCompleteAsync(host.Api, vms, receiver, TimeSpan.FromSeconds(90), ct);
        Assert.Empty(await EventLedger.ProblemsAsync(host.Api, vms, receiver.Received, checkOrder: false, ct));
    });

    // A LocalHost (its own Azurite) with fast delivery and recovery, a receiver, and the host's log on failure.
    private async Task FaultAsync(int seconds, Func<ReliabilityHost, WebhookReceiver, CancellationToken, Task> body)
    {
        using var cts = TestTimeout.Start(seconds);
        await using var host = await ReliabilityHost.StartAsync(FastDelivery, cts.Token);
        await using var receiver = await WebhookReceiver.StartAsync(cts.Token);
        await host.RunAsync(output, () => body(host, receiver, cts.Token));
    }

    private static async Task<string> SubscribeAsync(ApiClient api, WebhookReceiver receiver, int? maxAttempts, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { url = receiver.Url, secret = WebhookReceiver.Secret, maxAttempts });
        var created = await api.PostAsync("/api/event-subscriptions", body, cancellationToken);
        ApiClient.Expect(created, HttpStatusCode.Created);
        return created.Json.Str("id")!;
    }

    private static async Task<string[]> CreateVmsAsync(ApiClient api, int count, string name, CancellationToken cancellationToken)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => api.CreateActiveVmAsync($"{name}-{i}", "ubuntu-24.04", cancellationToken)));
        return ids;
    }

    private static async Task StopThenStartAsync(ApiClient api, string[] vms, CancellationToken cancellationToken)
    {
        foreach (var action in new[] { "stop", "start" })
        {
            var ids = await Task.WhenAll(vms.Select(vm => api.StartActionAsync(vm, new { action }, cancellationToken)));
            await Task.WhenAll(vms.Zip(ids).Select(p => api.WaitActionEndedAsync(p.First, p.Second, cancellationToken)));
        }
    }

    // Stop and start one VM in turn until told to stop; answers of the outage (503, or a refusal of a VM still busy) are
    // waited out, never treated as failures.
    private static async Task ToggleUntilAsync(ApiClient api, string vm, CancellationToken stop, CancellationToken cancellationToken)
    {
        while (!stop.IsCancellationRequested)
        {
            var current = await api.GetAsync($"/api/vms/{vm}", cancellationToken);
            if (current.Status != HttpStatusCode.OK || current.Json.Str("taskState") is not null)
            {
                await Task.Delay(200, cancellationToken);
                continue;
            }

            var action = current.Json.Str("vmState") == "stopped" ? "start" : "stop";
            var answer = await api.ActionAsync(vm, JsonSerializer.Serialize(new { action }), cancellationToken);
            if (answer.Status != HttpStatusCode.Accepted)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static async Task<IReadOnlyList<ReceivedEvent>> DeadLettersAsync(ApiClient api, string path, CancellationToken cancellationToken)
    {
        var list = await api.GetAsync(path, cancellationToken);
        ApiClient.Expect(list, HttpStatusCode.OK);
        return [.. list.Json.Items().Select(d => d.GetProperty("event")).Select(e => new ReceivedEvent(
            e.Str("id")!, e.GetRawText(), e.Clone(), "application/cloudevents+json", DateTimeOffset.UtcNow))];
    }

    private static async Task WaitCompleteAsync(ApiClient api, string[] vms, WebhookReceiver receiver, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Until(() => EventLedger.CompleteAsync(api, vms, receiver.Received, cancellationToken), timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            var problems = await EventLedger.ProblemsAsync(api, vms, receiver.Received, checkOrder: false, cancellationToken);
            throw new TimeoutException($"After {timeout}, {receiver.Received.Count} events, {receiver.TotalAttempts} attempts: {string.Join("; ", problems.Take(20))}");
        }
    }

    private static async Task Until(Func<Task<bool>> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Not done within {timeout}.");
            }

            await Task.Delay(500, cancellationToken);
        }
    }
}
