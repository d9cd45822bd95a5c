namespace VmControl.Http.Tests;

/// <summary>The fleet operation routes in memory: bad input answers 400 naming the field and stores nothing; a good body
/// is stored and started; cancel, and cancel of an ended operation.</summary>
public sealed class FleetRoutesTests
{
    private const string Vm = "vm-0123456789abcdef";

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{ "target": { "vmIds": ["vm-0123456789abcdef"] } }""", "action" },
        { """{ "action": "create", "target": { "vmIds": ["vm-0123456789abcdef"] } }""", "action" },
        { """{ "action": "fly", "target": { "vmIds": ["vm-0123456789abcdef"] } }""", "action" },
        { """{ "action": "stop" }""", "target" },
        { """{ "action": "stop", "target": { } }""", "target" },
        { """{ "action": "stop", "target": { "vmIds": ["vm-0123456789abcdef"], "selector": { } } }""", "target" },
        { """{ "action": "stop", "target": { "vmIds": [] } }""", "target.vmIds" },
        { """{ "action": "stop", "target": { "vmIds": ["not-a-vm"] } }""", "target.vmIds" },
        { """{ "action": "stop", "target": { "selector": { "vmState": "sleepy" } } }""", "target.selector.vmState" },
        { """{ "action": "stop", "target": { "selector": { "tags": [""] } } }""", "target.selector.tags" },
        { """{ "action": "resize", "target": { "selector": { } } }""", "size" },
        { """{ "action": "stop", "target": { "selector": { } }, "tiers": [{ }], "tierTag": "tier" }""", "tiers" },
        { """{ "action": "stop", "target": { "selector": { } }, "tiers": [{ "powerState": "warm" }] }""", "tiers[0].powerState" },
        { """{ "action": "stop", "target": { "selector": { } }, "tierTag": "a=b" }""", "tierTag" },
        { """{ "action": "stop", "target": { "selector": { } }, "tierDelaySeconds": 3601 }""", "tierDelaySeconds" },
        { """{ "action": "stop", "target": { "selector": { } }, "readiness": { "condition": "soon" } }""", "readiness.condition" },
        { """{ "action": "stop", "target": { "selector": { } }, "readiness": { "condition": "vmState" } }""", "readiness.vmState" },
        { """{ "action": "stop", "target": { "selector": { } }, "readiness": { "timeoutSeconds": -1 } }""", "readiness.timeoutSeconds" },
        { """{ "action": "stop", "target": { "selector": { } }, "concurrency": 0 }""", "concurrency" },
        { """{ "action": "stop", "target": { "selector": { } }, "concurrency": 1001 }""", "concurrency" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Create_BadBody_Is400NamingTheField_AndStoresNothing(string body, string field)
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("POST", "/api/fleet-operations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Empty((await api.Fleet.ListAsync(null, 10, null)).Items);
        Assert.Empty(api.FleetLauncher.Started);
    }

    [Fact]
    public async Task Create_ValidBody_Is202WithTheOperation_StoredAndStarted()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsAsync(
            TestKeys.Operator, "POST", "/api/fleet-operations",
            """{ "action": "stop", "target": { "selector": { "tags": ["env=dev"], "taskState": "none" } }, "tierTag": "tier", "tierDelaySeconds": 5, "concurrency": 7 }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await ApiHost.JsonAsync(response);
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/fleet-operations/{id}", response.Headers.GetValues("Operation-Location").Single());
        Assert.Equal(("stop", "pending", 7, 5), (body.GetProperty("action").GetString(), body.GetProperty("status").GetString(),
            body.GetProperty("concurrency").GetInt32(), body.GetProperty("tierDelaySeconds").GetInt32()));
        Assert.Equal("none", body.GetProperty("target").GetProperty("selector").GetProperty("taskState").GetString());
        var stored = Assert.Single((await api.Fleet.ListAsync(null, 10, null)).Items);
        Assert.Equal((id, "tier", true), (stored.Id, stored.TierTag, stored.Selector!.IdleOnly));
        Assert.Equal(["env=dev"], stored.Selector.Tags.All);
        Assert.Equal(id, Assert.Single(api.FleetLauncher.Started).OperationId);
    }

    [Fact]
    public async Task Cancel_ARunningOperation_Is202_AndAnEndedOne_Is409()
    {
        await using var api = await ApiHost.StartAsync();
        var seeded = api.SeedFleetOperation();

        using var cancel = await api.SendAsAsync(TestKeys.Operator, "POST", $"/api/fleet-operations/{seeded.Id}/cancel");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.True((await ApiHost.JsonAsync(cancel)).GetProperty("cancelRequested").GetBoolean());

        var stored = (await api.Fleet.GetAsync(seeded.Id))!;
        await api.Fleet.TryReplaceAsync(stored with { Status = Application.Fleet.FleetStatus.Cancelled });
        using var again = await api.SendAsAsync(TestKeys.Operator, "POST", $"/api/fleet-operations/{seeded.Id}/cancel");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("fleet_operation_finished", (await ApiHost.JsonAsync(again)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Get_ShowsCountsTiersAndEveryVmsResult()
    {
        await using var api = await ApiHost.StartAsync();
        var seeded = api.SeedFleetOperation();
        await api.Fleet.WriteResultsAsync(seeded.Id,
        [
            new(Vm, 1, Application.Fleet.FleetVmStatus.Succeeded, "act-1"),
            new("vm-1123456789abcdef", 1, Application.Fleet.FleetVmStatus.Skipped, Code: "vm_locked", Message: "locked"),
            new("vm-2123456789abcdef", 2, Application.Fleet.FleetVmStatus.Pending),
        ]);

        using var response = await api.SendAsAsync(TestKeys.Reader, "GET", $"/api/fleet-operations/{seeded.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiHost.JsonAsync(response);
        var counts = body.GetProperty("counts");
        Assert.Equal((3, 1, 1, 1), (counts.GetProperty("total").GetInt32(), counts.GetProperty("succeeded").GetInt32(),
            counts.GetProperty("skipped").GetInt32(), counts.GetProperty("pending").GetInt32()));
        Assert.Equal(2, body.GetProperty("tierProgress").GetArrayLength());
        var locked = body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "vm_locked");
        Assert.Equal("skipped", locked.GetProperty("status").GetString());
    }
}
