using System.Net;

namespace VmControl.OpenStack.Tests.Contract;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("notused")]
    [InlineData("garbage")]
    [InlineData("vmc1.eyJ1IjoiYWxpY2UifQ.AAAA")]
    public async Task Compute_routes_refuse_a_missing_or_bad_token(string? token)
    {
        await using var host = await FacadeHost.StartAsync();
        using var response = await host.SendAsync("GET", "/compute/v2.1/servers", token: token);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("Keystone uri=\"http://localhost/identity\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        await using var host = await FacadeHost.StartAsync();
        var token = await host.TokenAsync("bob");
        var parts = token.Split('.');
        var forged = parts[0] + "." + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
            System.Text.Encoding.UTF8.GetBytes("{\"u\":\"alice\",\"p\":\"demo\",\"r\":[\"admin\"],\"i\":0,\"e\":9999999999}")) + "." + parts[2];
        using var response = await host.SendAsync("GET", "/compute/v2.1/servers", token: forged);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var host = await FacadeHost.StartAsync();
        var token = await host.TokenAsync();
        host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var response = await host.SendAsync("GET", "/compute/v2.1/servers", token: token);
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(null, 200)]
    [InlineData("notused", 200)]
    [InlineData("garbage", 401)]
    public async Task Keyless_mode_lets_tokenless_requests_through_only_when_enabled(string? token, int expected)
    {
        await using var host = await FacadeHost.StartAsync(allowNoAuth: true);
        var (status, _, _) = await host.SendFromAsync(IPAddress.Loopback, "GET", "/compute/v2.1/servers", token: token);
        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Keyless_mode_is_off_by_default_even_on_loopback()
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, _, _) = await host.SendFromAsync(IPAddress.Loopback, "GET", "/compute/v2.1/servers");
        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData(200, "http://127.0.0.1:7071")]
    [InlineData(200, "http://localhost:7071")]
    [InlineData(200, "http://[::1]:7071", "https://127.0.0.1:7443")]
    [InlineData(401, "http://0.0.0.0:7071")]
    [InlineData(401, "http://[::]:7071")]
    [InlineData(401, "http://*:7071")]
    [InlineData(401, "http://+:7071")]
    [InlineData(401, "http://vmhost.example:7071")]
    [InlineData(401, "http://192.168.1.5:7071")]
    [InlineData(401, "http://127.0.0.1:7071", "http://0.0.0.0:8080")]
    [InlineData(401)]
    public async Task Keyless_mode_holds_only_when_every_listening_address_is_loopback(int expected, params string[] listenOn)
    {
        await using var host = await FacadeHost.StartAsync(allowNoAuth: true, listenOn: listenOn);
        var (status, _, _) = await host.SendFromAsync(IPAddress.Loopback, "GET", "/compute/v2.1/servers");
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.0.7")]
    [InlineData("::ffff:10.0.0.7")]
    public async Task Keyless_mode_refuses_a_missing_or_remote_address(string? remote)
    {
        await using var host = await FacadeHost.StartAsync(allowNoAuth: true);
        var (status, _, _) = await host.SendFromAsync(remote is null ? null : IPAddress.Parse(remote), "GET", "/compute/v2.1/servers");
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Keyless_mode_from_a_mapped_loopback_address_is_honoured()
    {
        await using var host = await FacadeHost.StartAsync(allowNoAuth: true);
        var (status, _, _) = await host.SendFromAsync(IPAddress.Loopback.MapToIPv6(), "GET", "/compute/v2.1/servers");
        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=127.0.0.1")]
    [InlineData("X-Real-IP", "127.0.0.1")]
    public async Task Keyless_mode_refuses_a_forwarded_request_even_from_loopback(string header, string value)
    {
        await using var host = await FacadeHost.StartAsync(allowNoAuth: true);
        var (status, _, _) = await host.SendFromAsync(IPAddress.Loopback, "GET", "/compute/v2.1/servers", headers: (header, value));
        Assert.Equal(401, status);
    }
}
