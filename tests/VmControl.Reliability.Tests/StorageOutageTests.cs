namespace VmControl.Reliability.Tests;

/// <summary>
/// The test's own Azurite stopped for 10 s and started again (same ports, same data) while requests flow: the API
/// answers 503 problem+json meanwhile (never 500), and every accepted task finishes afterwards.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const int Vms = 10;

    // How many accepted actions (besides the creates) are held in flight when the outage starts.
    private const int TasksBeforeOutage = 3;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AzuriteDownForTenSecondsMidLoad_Answers503ProblemsAndEveryAcceptedTaskFinishes()
    {
        using var cts = TestTimeout.Start(300);
        var seed = Seeds.Next(output, nameof(StorageOutageTests));
        var figures = new Figures(nameof(StorageOutageTests));
        await using var host = await ReliabilityHost.StartAsync(cts.Token);
        await host.RunAsync(output, () => RunAsync(host, seed, figures, cts.Token));
        figures.Print(output, host.RequestsSent);
    }

    private async Task RunAsync(ReliabilityHost host, int seed, Figures figures, CancellationToken cancellationToken)
    {
        var api = host.Api;
        var tracker = new VmTracker();
        var vms = await Task.WhenAll(Enumerable.Range(0, Vms).Select(i => tracker.CreateAsync(api, $"outage-{i}", cancellationToken)));
        await Task.WhenAll(vms.Select(id => api.WaitIdleAsync(id, cancellationToken)));

        // Every VM's operations held on the hypervisor, so that the tasks begun before the outage are certainly
        // mid-flight when the storage goes away (released once it is back).
        var hold = await api.HoldAsync("*", null, cancellationToken);
        var load = new LoadLoop(api, vms, tracker, seed);
        using var stopLoad = new CancellationTokenSource();
        var running = load.RunAsync(4, stopLoad.Token, cancellationToken);

        await WaitForTasksInFlightAsync(tracker, Vms + TasksBeforeOutage, cancellationToken);
        load.Phase = "outage";
        await host.Azurite.StopAsync(cancellationToken);
        figures.Fault();
        await Task.Delay(Outage, cancellationToken);
        await host.Azurite.StartAgainAsync(cancellationToken);
        figures.Restart();
        await api.ReleaseHoldAsync(hold, cancellationToken);
        load.Phase = "after";
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        await stopLoad.CancelAsync();
        await running;

        var tally = string.Join(",", load.Tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}x{t.Value}"));
        output.WriteLine($"answers by phase: {tally}");
        figures.Extra["answers"] = tally;
        figures.Extra["accepted"] = tracker.AcceptedCount.ToString(CultureInfo.InvariantCulture);
        Assert.True(load.BadAnswers.Count == 0, string.Join(Environment.NewLine, load.BadAnswers.Take(20)));
        Assert.True(load.Tally.GetValueOrDefault("outage:503") > 0, $"no 503 during the outage: {tally}");

        foreach (var vmId in vms)
        {
            await HistoryCheck.VerifyAsync(api, vmId, tracker.AcceptedFor(vmId), figures, cancellationToken);
        }

        // The API is whole again: a new action is accepted and ends.
        var probe = await api.ActionAsync(vms[0], """{"action":"snapshot","name":"after-outage"}""", cancellationToken);
        Assert.True(probe.Status is HttpStatusCode.Accepted or HttpStatusCode.Conflict, probe.ToString());
        if (probe.Status == HttpStatusCode.Accepted)
        {
            var ended = await api.WaitActionEndedAsync(vms[0], Accepted.ActionId(probe), cancellationToken);
            Assert.Equal("succeeded", ended.Str("status"));
        }
    }

    // Bounded: a load that gets no task accepted fails here instead of testing an outage with nothing in flight.
    private static async Task WaitForTasksInFlightAsync(VmTracker tracker, int accepted, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (tracker.AcceptedCount < accepted)
        {
            Assert.True(DateTime.UtcNow < until, $"only {tracker.AcceptedCount} of {accepted} actions were accepted within 60 s");
            await Task.Delay(50, cancellationToken);
        }
    }
}
