using System.Text.Json;

namespace VmControl.Reliability.Tests;

/// <summary>
/// The simulated driver failing 10 % and 50 % of its calls (transient), and with permanent faults: every task ends,
/// every failure follows lifecycle.md's failure column, and each failure is kept on the action and the VM.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class DriverFaultTests(ITestOutputHelper output)
{
    private const int Vms = 10;

    [Fact]
    public async Task TransientRatesAndPermanentFaults_EveryTaskEndsWithTheLifecycleFailureRuleAndTheFaultRecorded()
    {
        using var cts = TestTimeout.Start(300);
        var random = new Random(Seeds.Next(output, nameof(DriverFaultTests)));
        var figures = new Figures(nameof(DriverFaultTests));
        await using var host = await ReliabilityHost.StartAsync(cts.Token);
        await host.RunAsync(output, () => RunAsync(host.Api, random, figures, cts.Token));
        figures.Print(output, host.RequestsSent);
    }

    private static async Task RunAsync(ApiClient api, Random random, Figures figures, CancellationToken cancellationToken)
    {
        var tracker = new VmTracker();
        var vms = await Task.WhenAll(Enumerable.Range(0, Vms).Select(i => tracker.CreateAsync(api, $"faults-{i}", cancellationToken)));
        await Task.WhenAll(vms.Select(id => api.WaitIdleAsync(id, cancellationToken)));

        // Transient failures: the orchestrator retries them (up to 6 attempts), so most tasks still succeed; some fail.
        foreach (var (rate, steps) in new[] { (0.1, 3), (0.5, 2) })
        {
            await SettingsAsync(api, rate, cancellationToken);
            await Task.WhenAll(vms.Select(async id =>
            {
                for (var i = 0; i < steps; i++)
                {
                    await RandomSteps.StepAsync(api, id, random, tracker, cancellationToken);
                }
            }));
        }

        await SettingsAsync(api, 0, cancellationToken);

        // Permanent faults: the VM's next hypervisor call fails for good; the task must fail by the failure rule.
        var faulted = new List<string>();
        foreach (var id in vms)
        {
            var vm = await api.GetVmAsync(id, cancellationToken);
            if (vm.Str("vmState") is "hard_deleted" or "error")
            {
                continue;
            }

            var fault = await api.PostAsync("/api/simulator/faults", $$"""{"vmId":"{{id}}","count":1,"kind":"permanent"}""", cancellationToken);
            Assert.True(fault.Status == HttpStatusCode.Created, fault.ToString());
            figures.Fault();
            var actionId = await RandomSteps.StepAsync(api, id, random, tracker, cancellationToken);
            faulted.Add($"{id}/{actionId}");
            var action = await api.GetActionAsync(id, actionId!, cancellationToken);
            Assert.True(action.Str("status") == "failed", $"a permanent fault did not fail the task: {action}");
        }

        var transientEvents = 0;
        var failed = 0;
        foreach (var id in vms)
        {
            var (_, history) = await HistoryCheck.VerifyAsync(api, id, tracker.AcceptedFor(id), figures, cancellationToken);
            transientEvents += history.Sum(a => a.GetProperty("events").EnumerateArray().Count(e => e.Str("result") == "transient_error"));
            failed += history.Count(a => a.Str("status") == "failed");
        }

        figures.Fault(transientEvents);
        figures.Extra["tasks"] = tracker.AcceptedCount.ToString(CultureInfo.InvariantCulture);
        figures.Extra["failedTasks"] = failed.ToString(CultureInfo.InvariantCulture);
        figures.Extra["transientErrorsSeen"] = transientEvents.ToString(CultureInfo.InvariantCulture);
        figures.Extra["permanentFaults"] = faulted.Count.ToString(CultureInfo.InvariantCulture);
        Assert.NotEmpty(faulted);
    }

    private static async Task SettingsAsync(ApiClient api, double failureRate, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { latencyMs = 0, failureRate });
        var set = await api.SendAsync(HttpMethod.Put, "/api/simulator/settings", body, null, cancellationToken);
        ApiClient.Expect(set, HttpStatusCode.OK);
    }
}
