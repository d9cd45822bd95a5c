namespace VmControl.OpenStack.Tests.Contract;

public sealed class VersionTests
{
    [Fact]
    public async Task Root_lists_v21_with_min_21_and_max_296_without_a_token_or_version_headers()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", "/compute", headers: ("OpenStack-API-Version", "compute 9.9"));
        Assert.Equal(200, (int)response.StatusCode);
        var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("versions").EnumerateArray().Single();
        Assert.Equal("v2.1", version.GetProperty("id").GetString());
        Assert.Equal("CURRENT", version.GetProperty("status").GetString());
        Assert.Equal("2.96", version.GetProperty("version").GetString());
        Assert.Equal("2.1", version.GetProperty("min_version").GetString());

        // Nova keeps the root outside microversions: no check, no version headers.
        Assert.False(response.Headers.Contains("OpenStack-API-Version"));
    }

    [Theory]
    [InlineData("/compute/v2.1")]
    [InlineData("/compute/v2.1/")]
    public async Task Version_document_is_served_without_a_token(string path)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", path);
        Assert.Equal(200, (int)response.StatusCode);
        var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version");
        Assert.Equal(["id", "links", "media-types", "min_version", "status", "updated", "version"], FacadeHost.Keys(version));
        Assert.Equal("http://localhost/compute/v2.1/", version.GetProperty("links")[0].GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("/compute/v2.1")]
    [InlineData("/compute/v2.1/servers")]
    [InlineData("/compute/v2.1/flavors")]
    public async Task Every_response_carries_the_request_id_and_version_headers(string path)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", path, token: await host.TokenAsync());
        var requestId = response.Headers.GetValues("x-compute-request-id").Single();
        Assert.StartsWith("req-", requestId, StringComparison.Ordinal);
        Assert.Equal(requestId, response.Headers.GetValues("x-openstack-request-id").Single());
        Assert.Equal("compute 2.1", response.Headers.GetValues("OpenStack-API-Version").Single());
        Assert.Equal("2.1", response.Headers.GetValues("X-OpenStack-Nova-API-Version").Single());
        Assert.Contains("OpenStack-API-Version", response.Headers.Vary);
    }

    [Theory]
    [InlineData(null, null, 200, "2.1")]
    [InlineData("OpenStack-API-Version", "compute 2.1", 200, "2.1")]
    [InlineData("OpenStack-API-Version", "compute 2.47", 200, "2.47")]
    [InlineData("OpenStack-API-Version", "compute 2.96", 200, "2.96")]
    [InlineData("OpenStack-API-Version", "compute latest", 200, "2.96")]
    [InlineData("OpenStack-API-Version", "COMPUTE 2.9", 200, "2.9")]
    [InlineData("OpenStack-API-Version", "volume 3.5, compute 2.26", 200, "2.26")]
    [InlineData("OpenStack-API-Version", "compute 2.3, compute 2.19", 200, "2.19")]
    [InlineData("OpenStack-API-Version", "volume 3.5", 200, "2.1")]
    [InlineData("X-OpenStack-Nova-API-Version", "2.60", 200, "2.60")]
    [InlineData("X-OpenStack-Nova-API-Version", "2.3, 2.73", 200, "2.73")]
    [InlineData("X-OpenStack-Nova-API-Version", "latest", 200, "2.96")]
    [InlineData("OpenStack-API-Version", "compute 2.97", 406, "2.97")]
    [InlineData("OpenStack-API-Version", "compute 2.0", 406, "2.0")]
    [InlineData("X-OpenStack-Nova-API-Version", "2.100", 406, "2.100")]
    [InlineData("OpenStack-API-Version", "compute 3.0", 406, "3.0")]
    [InlineData("OpenStack-API-Version", "compute 2.99999999999999999999", 406, "2.99999999999999999999")]
    [InlineData("OpenStack-API-Version", "compute abc", 400, null)]
    [InlineData("OpenStack-API-Version", "compute Latest", 400, null)]
    [InlineData("OpenStack-API-Version", "compute 2.05", 400, null)]
    [InlineData("OpenStack-API-Version", "compute 02.5", 400, null)]
    [InlineData("X-OpenStack-Nova-API-Version", "2", 400, null)]
    [InlineData("X-OpenStack-Nova-API-Version", "", 400, null)]
    public async Task Microversions_are_negotiated_as_nova_does(string? header, string? value, int expected, string? served)
    {
        await using var host = await FacadeHost.StartAsync();
        var headers = header is null ? Array.Empty<(string, string)>() : [(header, value!)];
        var (status, body, responseHeaders) = await host.SendFromAsync(null, "GET", "/compute/v2.1/servers", token: await host.TokenAsync(), headers: headers);

        Assert.Equal(expected, status);
        Assert.Equal(served is null ? null : "compute " + served, responseHeaders["OpenStack-API-Version"].SingleOrDefault());
        Assert.Equal(served, responseHeaders["X-OpenStack-Nova-API-Version"].SingleOrDefault());
        if (expected != 200)
        {
            var fault = JsonDocument.Parse(body).RootElement.GetProperty(expected == 400 ? "badRequest" : "computeFault");
            Assert.Equal(expected, fault.GetProperty("code").GetInt32());
            Assert.Equal(
                expected == 400 ? $"API Version String {value!.Split(' ')[^1]} is of invalid format. Must be of format MajorNum.MinorNum." : $"Version {served} is not supported by the API. Minimum is 2.1 and maximum is 2.96.",
                fault.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task A_missing_token_is_a_401_before_the_version_is_looked_at_as_keystonemiddleware_runs_first()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", "/compute/v2.1/servers", headers: ("OpenStack-API-Version", "compute 9.9"));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.False(response.Headers.Contains("OpenStack-API-Version"));
    }

    [Fact]
    public async Task The_new_header_wins_over_the_legacy_one()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync(
            "GET", "/compute/v2.1/servers", token: await host.TokenAsync(), headers: [("OpenStack-API-Version", "compute 2.40"), ("X-OpenStack-Nova-API-Version", "2.99")]);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("2.40", response.Headers.GetValues("X-OpenStack-Nova-API-Version").Single());
        Assert.Equal(["OpenStack-API-Version", "X-OpenStack-Nova-API-Version"], response.Headers.Vary.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unserved_resource_is_a_nova_404()
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/os-networks");
        Assert.Equal(404, status);
        Assert.Equal(404, body.GetProperty("itemNotFound").GetProperty("code").GetInt32());
    }
}
