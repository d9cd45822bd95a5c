namespace VmControl.LocalHost.Tests;

/// <summary>Bad input is the caller's fault: always a 4xx problem+json with a code, never a 500 (docs/api.md).</summary>
[Collection(LocalHostCollection.Name)]
public sealed class BadInputTests(LocalHostFixture fixture)
{
    // Stands for a body larger than the API's 64 KiB cap.
    private const string Huge = "<huge>";

    public static TheoryData<string, string, string?, int, string> Cases => new()
    {
        // method, path ({vm}: an existing VM), body, status, code
        { "POST", "/api/vms", "{", 400, "invalid_request" },
        { "POST", "/api/vms", "", 400, "invalid_request" },
        { "POST", "/api/vms", "[1,2]", 400, "invalid_request" },
        { "POST", "/api/vms", "null", 400, "invalid_request" },
        { "POST", "/api/vms", """{"name":5,"size":"small","image":"ubuntu"}""", 400, "invalid_request" },
        { "POST", "/api/vms", """{"name":"web1","size":"small","image":"ubuntu","tags":"x"}""", 400, "invalid_request" },
        { "POST", "/api/vms", """{"name":" web1","size":"small","image":"ubuntu"}""", 400, "invalid_request" },
        { "POST", "/api/vms", """{"size":"small","image":"ubuntu"}""", 400, "invalid_request" },
        { "POST", "/api/vms", Huge, 413, "payload_too_large" },
        { "POST", "/api/vms/{vm}/actions", """{"action":"fly"}""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{"action":7}""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{"action":"reboot","type":"gentle"}""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", """{"action":"create"}""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/actions", "not json", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/reset-state", """{"vmState":"paused","reason":"x"}""", 400, "invalid_request" },
        { "POST", "/api/vms/{vm}/reset-state", """{"vmState":"error"}""", 400, "invalid_request" },
        { "POST", "/api/vms/vm-0000000000000000/actions", """{"action":"stop"}""", 404, "not_found" },
        { "POST", "/api/vms/..%2F..%2Fetc/actions", """{"action":"stop"}""", 404, "not_found" },
        { "GET", "/api/vms/vm-0000000000000000", null, 404, "not_found" },
        { "GET", "/api/vms/" + new string('x', 300), null, 404, "not_found" },
        { "GET", "/api/vms/%E2%98%83", null, 404, "not_found" },
        { "DELETE", "/api/vms/vm-0000000000000000", null, 404, "not_found" },
        { "GET", "/api/vms/{vm}/actions/not-an-action", null, 404, "not_found" },
        { "GET", "/api/vms?limit=0", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=1001", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=abc", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=-1", null, 400, "invalid_request" },
        { "GET", "/api/vms?limit=1&limit=2", null, 400, "invalid_request" },
        { "GET", "/api/vms?vmState=flying", null, 400, "invalid_request" },
        { "GET", "/api/vms?powerState=on", null, 400, "invalid_request" },
        { "GET", "/api/vms?continuationToken=forged", null, 400, "invalid_request" },
        { "GET", "/api/vms?continuationToken=eyJwayI6IngifQ", null, 400, "invalid_request" },
        { "GET", "/api/vms/{vm}/actions?limit=0", null, 400, "invalid_request" },
        { "GET", "/api/vms/{vm}/actions?continuationToken=forged", null, 400, "invalid_request" },
        { "GET", "/api/alerts?status=sleeping", null, 400, "invalid_request" },
        { "GET", "/api/alerts?kind=ghost", null, 400, "invalid_request" },
        { "PUT", "/api/simulator/settings", """{"latencyMs":-1,"failureRate":0}""", 400, "invalid_request" },
        { "PUT", "/api/simulator/settings", """{"latencyMs":0,"failureRate":2}""", 400, "invalid_request" },
        { "GET", "/api/no-such-route", null, 404, "not_found" },
        { "GET", "/nothing-here", null, 404, "not_found" },
        { "PATCH", "/api/vms", "{}", 405, "method_not_allowed" },
        { "DELETE", "/api/vms", null, 405, "method_not_allowed" },
        { "PUT", "/api/health", "{}", 405, "method_not_allowed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadRequest_IsAProblemWithACode(string method, string path, string? body, int status, string code)
    {
        using var cts = TestTimeout.Start();
        if (path.Contains("{vm}", StringComparison.Ordinal))
        {
            path = path.Replace("{vm}", await fixture.SharedVmIdAsync(cts.Token), StringComparison.Ordinal);
        }

        var answer = await fixture.Api.SendAsync(new HttpMethod(method), path, body == Huge ? new string('a', 200_000) : body, null, cts.Token);

        Assert.True(answer.IsProblem, answer.ToString());
        Assert.Equal((status, code), ((int)answer.Status, answer.Json.Str("code")));
        Assert.Equal(status, answer.Json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task TooLongIdempotencyKey_IsA400Problem()
    {
        using var cts = TestTimeout.Start();
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 300) };

        var answer = await fixture.Api.SendAsync(HttpMethod.Post, "/api/vms", """{"name":"web1","size":"small","image":"ubuntu"}""", headers, cts.Token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.Equal("invalid_request", answer.Json.Str("code"));
    }

    [Fact]
    public async Task MethodNotAllowed_KeepsTheAllowHeader()
    {
        using var cts = TestTimeout.Start();

        var answer = await fixture.Api.SendAsync(HttpMethod.Patch, "/api/vms", "{}", null, cts.Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Contains("POST", answer.Header("Allow") ?? string.Empty, StringComparison.Ordinal);
    }
}
