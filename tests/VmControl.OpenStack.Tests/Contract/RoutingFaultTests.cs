namespace VmControl.OpenStack.Tests.Contract;

/// <summary>
/// Every answer under the faces is in the face's own shape, routing's included: an unknown path is Nova's
/// itemNotFound (Keystone's error under /identity), a method a path does not take Nova's badMethod with Allow,
/// and what VmControl has no concept of is answered as Nova answers an empty or disabled API.
/// </summary>
public sealed class RoutingFaultTests
{
    [Theory]
    [InlineData("PATCH", "/compute/v2.1/servers/{vm}", "GET, PUT, DELETE")]
    [InlineData("DELETE", "/compute/v2.1/servers", "GET, POST")]
    [InlineData("PUT", "/compute/v2.1/flavors", "GET")]
    [InlineData("POST", "/compute/v2.1/servers/{vm}/ips", "GET")]
    [InlineData("DELETE", "/compute/v2.1/flavors/1", "GET")]
    public async Task A_method_the_path_does_not_take_is_novas_405(string method, string path, string allow)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, body, response) = await host.CallAsync(method, path.Replace("{vm}", vm.Id, StringComparison.Ordinal), "{}");
        Assert.Equal(405, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(405, body.GetProperty("badMethod").GetProperty("code").GetInt32());
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.StartsWith("req-", response.Headers.GetValues("x-compute-request-id").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/compute/v2.1/os-networks")]
    [InlineData("POST", "/compute/v2.1/os-volumes")]
    [InlineData("GET", "/compute/v2.1/servers/{vm}/metadata/x/y")]
    [InlineData("GET", "/compute/v2.0")]
    [InlineData("GET", "/compute/v2.1/os-security-groups")]
    [InlineData("POST", "/compute/v2.1/os-security-groups")]
    public async Task An_unknown_path_is_novas_itemNotFound(string method, string path)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, body, response) = await host.CallAsync(method, path.Replace("{vm}", vm.Id, StringComparison.Ordinal), "{}");
        Assert.Equal(404, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, body.GetProperty("itemNotFound").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/identity/v3/projects", 404, "Not Found")]
    [InlineData("GET", "/identity/v2.0", 404, "Not Found")]
    [InlineData("GET", "/identity/v3/auth/tokens", 405, "Method Not Allowed")]
    [InlineData("DELETE", "/identity/v3", 405, "Method Not Allowed")]
    public async Task Identity_answers_routing_errors_in_keystones_shape(string method, string path, int status, string title)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync(method, path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal((status, title), (error.GetProperty("code").GetInt32(), error.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Routing_errors_still_need_a_token()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("PATCH", "/compute/v2.1/servers");
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Ips_are_empty_and_a_network_is_not_found()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/ips");
        Assert.Equal(200, status);
        Assert.Equal(["addresses"], FacadeHost.Keys(body));
        Assert.Empty(FacadeHost.Keys(body.GetProperty("addresses")));
        var (network, fault, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/ips/private");
        Assert.Equal(404, network);
        Assert.Equal(404, fault.GetProperty("itemNotFound").GetProperty("code").GetInt32());
        var (unknown, _, _) = await host.CallAsync("GET", "/compute/v2.1/servers/vm-0000000000000000/ips");
        Assert.Equal(404, unknown);
    }

    [Theory]
    [InlineData("GET", "/compute/v2.1/os-keypairs", null, 200, "keypairs")]
    [InlineData("POST", "/compute/v2.1/os-keypairs", """{"keypair": {"name": "k"}}""", 501, "notImplemented")]
    [InlineData("GET", "/compute/v2.1/os-keypairs/k", null, 404, "itemNotFound")]
    [InlineData("DELETE", "/compute/v2.1/os-keypairs/k", null, 404, "itemNotFound")]
    [InlineData("GET", "/compute/v2.1/servers/{vm}/os-security-groups", null, 200, "security_groups")]
    [InlineData("GET", "/compute/v2.1/servers/{vm}/os-volume_attachments", null, 200, "volumeAttachments")]
    [InlineData("POST", "/compute/v2.1/servers/{vm}/os-volume_attachments", """{"volumeAttachment": {"volumeId": "v"}}""", 501, "notImplemented")]
    [InlineData("GET", "/compute/v2.1/servers/{vm}/os-volume_attachments/v", null, 404, "itemNotFound")]
    [InlineData("GET", "/compute/v2.1/servers/{vm}/os-interface", null, 200, "interfaceAttachments")]
    [InlineData("POST", "/compute/v2.1/servers/{vm}/os-interface", "{}", 501, "notImplemented")]
    [InlineData("GET", "/compute/v2.1/servers/vm-0000000000000000/os-security-groups", null, 404, "itemNotFound")]
    public async Task What_vmcontrol_has_no_concept_of_is_answered_as_nova_answers(string method, string path, string? body, int status, string key)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (code, json, _) = await host.CallAsync(method, path.Replace("{vm}", vm.Id, StringComparison.Ordinal), body);
        Assert.Equal(status, code);
        var value = json.GetProperty(key);
        if (status == 200)
        {
            Assert.Equal(0, value.GetArrayLength());
        }
        else
        {
            Assert.Equal(status, value.GetProperty("code").GetInt32());
        }
    }

    [Theory]
    [InlineData("""{"auth":{"identity":{"methods":["password"],"password":true},"scope":true}}""")]
    [InlineData("""{"auth":{"identity":{"methods":["password"],"password":[1]},"scope":{"project":5}}}""")]
    [InlineData("""{"auth":{"identity":{"methods":["password"],"password":{"user":"alice"}},"scope":"x"}}""")]
    [InlineData("""{"auth":{"identity":{"methods":["token"],"token":7}}}""")]
    public async Task A_token_request_of_the_wrong_shape_is_keystones_401_not_a_500(string body)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("POST", "/identity/v3/auth/tokens", body);
        Assert.Equal(401, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(401, error.GetProperty("code").GetInt32());
    }
}
