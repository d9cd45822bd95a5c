using System.Text.Json;

namespace VmControl.Reliability.Tests;

/// <summary>
/// <c>kill -9</c> of LocalHost in the middle of a fleet operation, restarted on the same storage: the operation resumes
/// from its history and its rows, ends, and no VM gets its action twice.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class FleetKillRestartTests(ITestOutputHelper output)
{
    private const int Vms = 16;

    [Fact]
    public async Task KillNineMidOperation_ItResumes_AndEveryVmGetsItsActionExactlyOnce()
    {
        using var cts = TestTimeout.Start(300);
        await using var host = await ReliabilityHost.StartAsync(cts.Token);
        var run = "kill" + Guid.NewGuid().ToString("N")[..8];
        var ids = await Task.WhenAll(Enumerable.Range(0, Vms).Select(async i =>
        {
            var created = await host.Api.PostAsync("/api/vms", $$"""{ "name": "fleet-{{i}}", "size": "small", "image": "ubuntu", "tags": { "run": "{{run}}" } }""", cts.Token);
            ApiClient.Expect(created, HttpStatusCode.Accepted);
            return created.Json.Str("id")!;
        }));
        await Task.WhenAll(ids.Select(id => host.Api.WaitIdleAsync(id, cts.Token)));

        // Four waves of four reboots of 1.5 s each: the kill lands while some have ended, some run and some wait.
        await host.Api.SetSimulatorLatencyAsync(1500, cts.Token);
        var started = await host.Api.PostAsync(
            "/api/fleet-operations", $$"""{ "action": "reboot", "target": { "selector": { "tags": ["run={{run}}"] } }, "concurrency": 4 }""", cts.Token);
        ApiClient.Expect(started, HttpStatusCode.Accepted);
        var location = started.Header("Operation-Location")!;
        var before = await WaitAsync(host.Api, location, op => op.GetProperty("counts").GetProperty("succeeded").GetInt32() >= 4, cts.Token);
        output.WriteLine($"killed with {Counts(before)}");

        await host.KillAndRestartAsync(cts.Token);
        var after = await WaitAsync(host.Api, location, op => op.Str("status") is not ("pending" or "running"), cts.Token);

        output.WriteLine($"ended {after.Str("status")} with {Counts(after)}");
        Assert.Equal("succeeded", after.Str("status"));
        Assert.Equal(Vms, after.GetProperty("counts").GetProperty("succeeded").GetInt32());
        var initiator = "fleet:" + after.Str("id");
        foreach (var id in ids)
        {
            var ours = (await host.Api.ListActionsAsync(id, cts.Token)).Where(a => a.Str("requestedBy") == initiator).ToArray();
            Assert.True(ours.Length == 1, $"VM {id} got {ours.Length} actions from the operation.");
            Assert.Equal("succeeded", ours[0].Str("status"));
        }
    }

    private static string Counts(JsonElement op) =>
        string.Join(", ", op.GetProperty("counts").EnumerateObject().Where(p => p.Value.GetInt32() > 0).Select(p => $"{p.Name} {p.Value.GetInt32()}"));

    private static async Task<JsonElement> WaitAsync(ApiClient api, string location, Func<JsonElement, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await api.GetAsync(location, cancellationToken);
            if (response.Status == HttpStatusCode.OK && response.Json.TryGetProperty("counts", out _) && done(response.Json))
            {
                return response.Json;
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
