namespace VmControl.OpenStack.Tests.Contract;

public sealed class VersionTests
{
    [Fact]
    public async Task Root_lists_v21_with_min_and_max_21_without_a_token()
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", "/compute");
        Assert.Equal(200, (int)response.StatusCode);
        var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("versions").EnumerateArray().Single();
        Assert.Equal("v2.1", version.GetProperty("id").GetString());
        Assert.Equal("CURRENT", version.GetProperty("status").GetString());
        Assert.Equal("2.1", version.GetProperty("version").GetString());
        Assert.Equal("2.1", version.GetProperty("min_version").GetString());
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
    [InlineData("OpenStack-API-Version", "compute 2.1", 200)]
    [InlineData("OpenStack-API-Version", "compute latest", 200)]
    [InlineData("X-OpenStack-Nova-API-Version", "2.1", 200)]
    [InlineData("OpenStack-API-Version", "compute 2.5", 406)]
    [InlineData("OpenStack-API-Version", "compute 2.0", 406)]
    [InlineData("X-OpenStack-Nova-API-Version", "2.100", 406)]
    [InlineData("OpenStack-API-Version", "compute 3.0", 406)]
    [InlineData("OpenStack-API-Version", "compute abc", 400)]
    public async Task Microversions_outside_21_are_refused(string header, string value, int expected)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", "/compute/v2.1/servers", token: await host.TokenAsync(), headers: (header, value));
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 406)
        {
            var fault = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("computeFault");
            Assert.Equal(406, fault.GetProperty("code").GetInt32());
            Assert.EndsWith("is not supported by the API. Minimum is 2.1 and maximum is 2.1.", fault.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
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
