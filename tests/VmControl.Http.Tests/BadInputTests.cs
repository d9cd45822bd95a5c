using System.Text;

namespace VmControl.Http.Tests;

/// <summary>No bad input gets a 500: each is a 4xx problem+json with a code, and nothing is written.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string?, int, string> Cases => new()
    {
        // method, path ({vm} = an existing VM), body, status, code
        { "POST", "/api/vms", "{ not json", 400, "invalid_request" },
        { "POST", "/api/vms", "", 400, "invalid_request" },
        { "POST", "/api/vms", "null", 400, "invalid_request" },
        { "POST", "/api/vms", "[1,2]", 400, "invalid_request" },
        { "POST", "/api/vms", "{ \"tags\": " + new string('[', 100) + new string(']', 100) + " }", 400, "invalid_request" },
        { "POST", "/api/vms", "{ \"name\": \"\\ud800\", \"size\": \"s\", \"image\": \"i\" }", 400, "invalid_request" },
        { "POST", "/api/vms", """{ "name": "a", "size": "s", "image": "i", "tags": { "k": "v" }, "placement": 7 }""", 400, "invalid_request" },
        { "POST", "/api/vms", """{ "name": 5, "size": "s", "image": "i" }""", 400, "invalid_request" },
        { "POST", "/api/vms", """{ "name": "a", "size": "s", "image": "i", "tags": { "k": 1 } }""", 400, "invalid_request" },
        { "POST", "/api/vms", """{ "name": "a", "size": "s", "image": "i", "tags": [] }""", 400, "invalid_request" },
        { "POST", "/api/vms", """{ "name": " bad name", "size": "s", "image": "i" }""", 400, "invalid_request" },
        { "POST", "/api/vms", """{ "name": "a", "image": "i" }""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{ "action": "fly" }""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{ "action": 3 }""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{ "action": "reboot", "type": "gentle" }""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{ "action": "resize" }""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{ "action": "create" }""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/reset-state", """{ "vmState": "stopped", "reason": "x" }""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/reset-state", """{ "vmState": "active", "reason": "" }""", 400, "invalid_request" },
        { "GET", "/api/vms/not-an-id", null, 404, "not_found" },
        { "GET", "/api/vms/vm-0123456789abcdef", null, 404, "not_found" },
        { "GET", "/api/vms/VM-0123456789ABCDEF", null, 404, "not_found" },
        { "DELETE", "/api/vms/vm-zzzzzzzzzzzzzzzz", null, 404, "not_found" },
        { "POST", "/api/vms/nope/actions", """{ "action": "stop" }""", 404, "not_found" },
        { "GET", "/api/vms/{vm}/actions/nope", null, 404, "not_found" },
        { "GET", "/api/vms/{vm}/actions/a0000000000000000000-00000000", null, 404, "not_found" },
        { "GET", "/api/vms/nope/actions", null, 404, "not_found" },
        { "GET", "/api/vms?limit=0", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=1001", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=abc", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=-1", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=1&limit=2", null, 400, "invalid_request" },
        { "GET", "/api/vms?vmState=flying", null, 400, "invalid_request" },
        { "GET", "/api/vms?taskState=Spawning", null, 400, "invalid_request" },
        { "GET", "/api/vms?powerState=on", null, 400, "invalid_request" },
        { "GET", "/api/vms?name=a&name=b", null, 400, "invalid_request" },
        { "GET", "/api/vms?excludeHardDeleted=yes", null, 400, "invalid_request" },
        { "GET", "/api/vms?name=" + new string('a', 256), null, 400, "invalid_request" },
        { "GET", "/api/vms?continuationToken=forged", null, 400, "invalid_request" },
        { "GET", "/api/vms?continuationToken=Zm9yZ2Vk", null, 400, "invalid_request" },
        { "GET", "/api/vms/{vm}/actions?limit=5000", null, 400, "invalid_request" },
        { "GET", "/api/vms/{vm}/actions?continuationToken=forged", null, 400, "invalid_request" },
        { "GET", "/api/alerts?status=closed", null, 400, "invalid_request" },
        { "GET", "/api/alerts?kind=fire", null, 400, "invalid_request" },
        { "GET", "/api/alerts?limit=0", null, 400, "invalid_request" },
        { "POST", "/api/alerts/nope/acknowledge", """{ "note": 5 }""", 400, "invalid_request" },
        { "POST", "/api/alerts/nope/acknowledge", null, 404, "not_found" },
        { "PUT", "/api/simulator/settings", """{ "latencyMs": -1, "failureRate": 0 }""", 400, "invalid_request" },
        { "PUT", "/api/simulator/settings", """{ "latencyMs": 600001, "failureRate": 0 }""", 400, "invalid_request" },
        { "PUT", "/api/simulator/settings", """{ "latencyMs": "abc", "failureRate": 0 }""", 400, "invalid_request" },
        { "PUT", "/api/simulator/settings", """{ "latencyMs": 10, "failureRate": 1.5 }""", 400, "invalid_request" },
        { "POST", "/api/simulator/faults", """{ "count": 0, "kind": "transient" }""", 400, "invalid_request" },
        { "POST", "/api/simulator/holds", """{ "action": "stop" }""", 400, "invalid_request" },
        { "POST", "/api/simulator/holds", """{ "vmId": "vm-nope" }""", 400, "invalid_request" },
        { "POST", "/api/simulator/holds", """{ "vmId": "*", "action": "fly" }""", 400, "invalid_request" },
        { "POST", "/api/simulator/faults", """{ "count": 1, "kind": "sometimes" }""", 400, "invalid_request" },
        { "POST", "/api/simulator/faults", """{ "count": 1, "kind": "transient", "action": "fly" }""", 400, "invalid_request" },
        { "POST", "/api/simulator/vms/{vm}/power-state", """{ "powerState": "off" }""", 400, "invalid_request" },
        { "POST", "/api/simulator/vms/nope/power-state", """{ "powerState": "shutdown" }""", 404, "not_found" },
        { "POST", "/api/simulator/machines", """{ "name": "", "powerState": "running" }""", 400, "invalid_request" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_AnswersAProblemWithACode_AndWritesNothing(string method, string path, string? body, int status, string code)
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync(method, path.Replace("{vm}", vm.Id, StringComparison.Ordinal), body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        if (status == 400)
        {
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("field").GetString()));
        }

        Assert.Equal(0, api.Vms.Writes);
        Assert.Equal(0, api.Actions.Count);
        Assert.Empty(api.Launcher.Starts);
        Assert.Empty(api.Simulator.Calls);
    }

    [Fact]
    public async Task CreateVm_HugeBody_Answers413()
    {
        await using var api = await ApiHost.StartAsync();
        var huge = "{ \"name\": \"" + new string('a', 70 * 1024) + "\" }";

        using var response = await api.SendAsync("POST", "/api/vms", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateVm_HugeChunkedBody_Answers413()
    {
        await using var api = await ApiHost.StartAsync();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 100 * 1024))));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/vms") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(TestKeys.Header, TestKeys.Admin);

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnyRoute_StoreDown_Answers503StoreUnavailable()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();
        api.Vms.Unavailable = true;

        using var get = await api.SendAsync("GET", $"/api/vms/{vm.Id}");
        using var action = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, get.StatusCode);
        Assert.Equal("store_unavailable", (await ApiHost.JsonAsync(get)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, action.StatusCode);

        // The store's own message ("The fake store is down.") stays in the log.
        Assert.DoesNotContain("fake store", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("fake store", await action.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdempotencyKey_TooLong_Answers400()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("POST", "/api/vms", """{ "name": "a", "size": "s", "image": "i" }""", ("Idempotency-Key", new string('k', 300)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(api.Launcher.Starts);
    }
}
