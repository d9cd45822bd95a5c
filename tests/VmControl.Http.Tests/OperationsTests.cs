using System.Text.Json;
using VmControl.Http.Tests.Fakes;

namespace VmControl.Http.Tests;

public sealed class OperationsTests
{
    [Fact]
    public async Task Alerts_ListAndAcknowledge_Answer200()
    {
        await using var api = await ApiHost.StartAsync();
        api.Alerts.Seed(new AlertRecord { Id = "al-1", VmId = "vm-0123456789abcdef", Kind = AlertKind.PowerMismatch, ExpectedPowerStates = [PowerState.Running], ObservedPowerState = PowerState.Shutdown });

        using var list = await api.SendAsync("GET", "/api/alerts?status=open&kind=power_mismatch");
        using var ack = await api.SendAsync("POST", "/api/alerts/al-1/acknowledge", """{ "note": "looking" }""");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var alert = (await ApiHost.JsonAsync(list)).GetProperty("items")[0];
        Assert.Equal("power_mismatch", alert.GetProperty("kind").GetString());
        Assert.Equal("shutdown", alert.GetProperty("observedPowerState").GetString());
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("acknowledged", (await ApiHost.JsonAsync(ack)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Acknowledge_WithoutBody_Answers200()
    {
        await using var api = await ApiHost.StartAsync();
        api.Alerts.Seed(new AlertRecord { Id = "al-2", VmId = "vm-0123456789abcdef", Kind = AlertKind.StuckTask });

        using var ack = await api.SendAsync("POST", "/api/alerts/al-2/acknowledge");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
    }

    [Fact]
    public async Task PowerSync_Registered_Answers200WithTheSummary()
    {
        await using var api = await ApiHost.StartAsync(powerSync: new FakePowerSyncRunner(vmsSeen: 3));

        using var response = await api.SendAsync("POST", "/api/power-sync");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await ApiHost.JsonAsync(response)).GetProperty("vmsSeen").GetInt32());
    }

    [Fact]
    public async Task PowerSync_NotRegistered_Answers503()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("POST", "/api/power-sync");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("power_sync_unavailable", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Lifecycle_ListsEveryRuleAndTheDriversCapabilities()
    {
        var capabilities = new DriverCapabilities(new Dictionary<VmAction, string> { [VmAction.Rescue] = "No rescue here." });
        await using var api = await ApiHost.StartAsync(capabilities);

        using var response = await api.SendAsync("GET", "/api/lifecycle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiHost.JsonAsync(response);
        Assert.Equal(LifecycleTable.Rules.Count, body.GetProperty("actions").GetArrayLength());
        var stop = body.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "stop");
        Assert.Equal("powering_off", stop.GetProperty("taskState").GetString());
        Assert.Equal(["active"], stop.GetProperty("allowedFrom").EnumerateArray().Select(s => s.GetString()));
        var unsupported = body.GetProperty("driver").GetProperty("unsupportedActions")[0];
        Assert.Equal("rescue", unsupported.GetProperty("action").GetString());
        Assert.Equal("No rescue here.", unsupported.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Health_StoreAndEngineAnswer_Answers200()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("GET", "/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Health_ADependencyDown_Answers503(bool storeDown, bool engineDown)
    {
        await using var api = await ApiHost.StartAsync();
        api.Vms.Unavailable = storeDown;
        api.Launcher.Down = engineDown;

        using var response = await api.SendAsync("GET", "/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Health_WithinTheCacheDuration_AnswersWithoutProbingAgain()
    {
        await using var api = await ApiHost.StartAsync();
        using var first = await api.SendAsync("GET", "/api/health");
        api.Vms.Unavailable = true;

        using var cached = await api.SendAsync("GET", "/api/health");
        api.Time.Advance(HealthCache.Duration);
        using var probed = await api.SendAsync("GET", "/api/health");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, probed.StatusCode);
    }

    [Fact]
    public async Task Health_Unhealthy_IsKeptForTheShorterDurationOnly()
    {
        await using var api = await ApiHost.StartAsync();
        api.Launcher.Down = true;
        using var down = await api.SendAsync("GET", "/api/health");
        api.Launcher.Down = false;

        using var cached = await api.SendAsync("GET", "/api/health");
        api.Time.Advance(HealthCache.UnhealthyDuration);
        using var recovered = await api.SendAsync("GET", "/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, cached.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task OpenApi_CoversEveryRouteOfTheTable()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("GET", "/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await ApiHost.JsonAsync(response)).GetProperty("paths");
        foreach (var route in Routing.ApiRoutes.All)
        {
            Assert.True(paths.TryGetProperty("/api/" + route.Template, out var item), $"openapi.json lacks /api/{route.Template}");
            Assert.True(item.TryGetProperty(route.Method.ToLowerInvariant(), out _), $"openapi.json lacks {route.Method} /api/{route.Template}");
        }
    }

    [Theory]
    [InlineData("PUT", "/api/simulator/settings", """{ "latencyMs": 100, "failureRate": 0.1 }""", 200)]
    [InlineData("POST", "/api/simulator/faults", """{ "count": 2, "kind": "permanent", "action": "stop" }""", 201)]
    [InlineData("POST", "/api/simulator/vms/{vm}/power-state", """{ "powerState": "shutdown" }""", 200)]
    [InlineData("POST", "/api/simulator/machines", """{ "name": "stray-1", "powerState": "running" }""", 201)]
    [InlineData("POST", "/api/simulator/holds", """{ "vmId": "{vm}", "action": "stop" }""", 201)]
    [InlineData("POST", "/api/simulator/holds", """{ "vmId": "*" }""", 201)]
    [InlineData("DELETE", "/api/simulator/holds/hold-1", null, 200)]
    [InlineData("DELETE", "/api/simulator/holds/hold-2", null, 404)]
    public async Task SimulatorRoutes_ValidBody_CallTheSimulator(string method, string path, string? body, int status)
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync(method, path.Replace("{vm}", vm.Id, StringComparison.Ordinal), body?.Replace("{vm}", vm.Id, StringComparison.Ordinal));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(api.Simulator.Calls);
    }

    [Fact]
    public async Task SimulatorRoutes_NoSimulator_Answer404SimulatorNotActive()
    {
        await using var api = await ApiHost.StartAsync(simulator: false);

        using var response = await api.SendAsync("PUT", "/api/simulator/settings", """{ "latencyMs": 1, "failureRate": 0 }""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("simulator_not_active", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public void RouteTable_HasOneEntryPerMethodAndRoute()
    {
        var pairs = Routing.ApiRoutes.All.Select(r => (r.Method, r.Template)).ToList();

        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.All(Routing.ApiRoutes.All, r => Assert.NotNull(typeof(VmControlApi).GetMethod(r.Name)));
    }

    [Fact]
    public void ApiJson_IgnoresUnknownPropertiesAndRejectsWrongTypes()
    {
        Assert.Equal("a", JsonSerializer.Deserialize<Contracts.ActionBody>("""{ "action": "a", "zzz": [1] }""", ApiJson.Options)!.Action);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Contracts.SimulatorSettingsBody>("""{ "latencyMs": "5" }""", ApiJson.Options));
    }
}
