namespace VmControl.OpenStack.Tests.Contract;

public sealed class IdentityTests
{
    [Fact]
    public async Task Unversioned_identity_is_a_300_naming_v3()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", "/identity");
        Assert.Equal(300, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var value = JsonDocument.Parse(text).RootElement.GetProperty("versions").GetProperty("values")[0];
        Assert.Equal("http://localhost/identity/v3/", value.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Contains("application/vnd.openstack.identity-v3+json", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3_is_the_version_document()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", "/identity/v3");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("stable", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Password_auth_issues_a_token_with_a_catalog_pointing_compute_at_the_facade()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("POST", "/identity/v3/auth/tokens", FacadeHost.AuthBody("alice", FacadeHost.AdminPassword, "demo"));
        Assert.Equal(201, (int)response.StatusCode);
        Assert.StartsWith("vmc1.", response.Headers.GetValues("X-Subject-Token").Single(), StringComparison.Ordinal);
        var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token");
        Assert.Equal("alice", token.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("demo", token.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal(32, token.GetProperty("project").GetProperty("id").GetString()!.Length);
        Assert.Contains(token.GetProperty("roles").EnumerateArray(), r => r.GetProperty("name").GetString() == "admin");
        var compute = token.GetProperty("catalog").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "compute");
        var endpoint = compute.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("interface").GetString() == "public");
        Assert.Equal("http://localhost/compute/v2.1", endpoint.GetProperty("url").GetString());
        Assert.Equal("RegionOne", endpoint.GetProperty("region").GetString());
        Assert.True(DateTimeOffset.Parse(token.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse(token.GetProperty("issued_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_unscoped_request_is_scoped_to_the_accounts_project()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("POST", "/identity/v3/auth/tokens", FacadeHost.AuthBody("bob", FacadeHost.MemberPassword, null));
        Assert.Equal(201, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("alice", "wrong", "demo")]
    [InlineData("mallory", "x", "demo")]
    [InlineData("alice", "", "demo")]
    [InlineData("alice", null, "other")]
    public async Task Bad_credentials_or_scope_are_a_401(string user, string? password, string project)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("POST", "/identity/v3/auth/tokens", FacadeHost.AuthBody(user, password ?? FacadeHost.AdminPassword, project));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("X-Subject-Token"));
        Assert.Equal(401, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"auth\": {\"identity\": {\"methods\": [1]}}}")]
    public async Task A_malformed_auth_request_is_refused(string body)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("POST", "/identity/v3/auth/tokens", body);
        Assert.InRange((int)response.StatusCode, 400, 401);
    }

    [Fact]
    public async Task A_token_can_be_exchanged_for_a_fresh_one()
    {
        await using var host = await FacadeHost.StartAsync();
        var token = await host.TokenAsync();
        var body = JsonSerializer.Serialize(new { auth = new { identity = new { methods = new[] { "token" }, token = new { id = token } } } });
        using var response = await host.SendAsync("POST", "/identity/v3/auth/tokens", body);
        Assert.Equal(201, (int)response.StatusCode);
    }
}
