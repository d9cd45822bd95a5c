namespace VmControl.Reliability.Tests;

/// <summary>
/// <c>kill -9</c> of LocalHost while tasks run, restarted with the same identity and storage each time: every task
/// completes exactly once, nothing is stuck, no action record is lost.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class KillRestartTests(ITestOutputHelper output)
{
    // 12 tasks in 3 rounds of 4: each round's tasks are at different points (staggered starts) when the kill lands,
    // and each restart costs ~10 s (the visibility timeout of what the dead process had dequeued), which bounds the
    // rounds within the test command's time (the fleet operation's own kill test runs beside this one).
    private const int Rounds = 3;
    private const int TasksPerRound = 4;

    [Fact]
    public async Task KillNineAtRandomPointsOfTwelveTasks_EachCompletesExactlyOnceAndNothingIsStuck()
    {
        using var cts = TestTimeout.Start(300);
        var random = new Random(Seeds.Next(output, nameof(KillRestartTests)));
        var figures = new Figures(nameof(KillRestartTests));
        await using var host = await ReliabilityHost.StartAsync(cts.Token);
        var tracker = new VmTracker();
        var vms = await Task.WhenAll(Enumerable.Range(0, Rounds * TasksPerRound).Select(i => tracker.CreateAsync(host.Api, $"kill-{i}", cts.Token)));
        await Task.WhenAll(vms.Select(id => host.Api.WaitIdleAsync(id, cts.Token)));
        var killPoints = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            var latency = random.Next(1000, 3000);
            await host.Api.SetSimulatorLatencyAsync(latency, cts.Token);
            var batch = vms.Skip(round * TasksPerRound).Take(TasksPerRound).ToArray();
            var tasks = new List<(string VmId, string ActionId)>();
            foreach (var vmId in batch)
            {
                // Staggered, so that one kill finds the round's tasks at different steps.
                await Task.Delay(random.Next(latency / TasksPerRound), cts.Token);
                var vm = await host.Api.GetVmAsync(vmId, cts.Token);
                var allowed = vm.Strings("allowedActions");
                var action = allowed[random.Next(allowed.Length)];
                var answer = action == "delete"
                    ? await host.Api.SendAsync(HttpMethod.Delete, $"/api/vms/{vmId}", null, null, cts.Token)
                    : await host.Api.ActionAsync(vmId, LifecycleOracle.Body(action, random), cts.Token);
                Assert.True(tracker.Record(vmId, answer), $"{action} on idle {vmId}: {answer}");
                tasks.Add((vmId, Accepted.ActionId(answer)));
            }

            var killAfter = random.Next(latency * 3 / 2);
            await Task.Delay(killAfter, cts.Token);
            killPoints.Add(await StepsAsync(host.Api, tasks, cts.Token));
            await host.KillAndRestartAsync(cts.Token);
            figures.Restart();
            figures.Fault();

            // The simulator's settings are per process: the new one starts at 0 ms, so the recovered tasks end soon.
            foreach (var vmId in batch)
            {
                await HistoryCheck.VerifyAsync(host.Api, vmId, tracker.AcceptedFor(vmId), figures, cts.Token);
            }
        }

        // No task_state left anywhere, and every VM's history is whole (rechecked after all the restarts).
        var all = await host.Api.GetAsync("/api/vms?limit=1000", cts.Token);
        ApiClient.Expect(all, HttpStatusCode.OK);
        Assert.All(all.Json.Items(), vm => Assert.Null(vm.Str("taskState")));
        foreach (var vmId in vms)
        {
            await HistoryCheck.VerifyAsync(host.Api, vmId, tracker.AcceptedFor(vmId), figures, cts.Token);
        }

        foreach (var point in killPoints)
        {
            output.WriteLine(point);
            Console.WriteLine($"[reliability] {nameof(KillRestartTests)}: {point}");
        }

        figures.Extra["tasks"] = (Rounds * TasksPerRound).ToString(CultureInfo.InvariantCulture);
        figures.Print(output, host.RequestsSent);
    }

    // Where each task of the round was just before the kill (its last event), for the log: the points should vary.
    private static async Task<string> StepsAsync(ApiClient api, List<(string VmId, string ActionId)> tasks, CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        foreach (var (vmId, actionId) in tasks)
        {
            var action = await api.GetAsync($"/api/vms/{vmId}/actions/{actionId}", cancellationToken);
            steps.Add(action.Status == HttpStatusCode.OK ? $"{action.Json.Str("action")}@{action.Json.EventSteps().LastOrDefault() ?? "accepted"}" : $"?{(int)action.Status}");
        }

        return "kill during: " + string.Join(", ", steps);
    }
}
