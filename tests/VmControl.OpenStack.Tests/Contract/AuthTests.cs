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
        using var response = await host.SendAsync("GET", "/compute/v2.1/servers", token: token);
        Assert.Equal(expected, (int)response.StatusCode);
    }
}
