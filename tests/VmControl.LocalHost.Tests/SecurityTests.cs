using System.Net.Http.Headers;
using System.Text;

namespace VmControl.LocalHost.Tests;

/// <summary>
/// The LocalHost as a browser would reach it from another site (docs/security.md): a form-like text/plain POST, a
/// foreign Origin, a cross-site Sec-Fetch-Site and a foreign Host (DNS rebinding) are refused with problem+json and
/// change nothing; the same requests from the console's own origin go through.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class SecurityTests(LocalHostFixture fixture)
{
    [Theory]
    [InlineData("text/plain", null, null, 415, "unsupported_media_type")]
    [InlineData("application/x-www-form-urlencoded", null, null, 415, "unsupported_media_type")]
    [InlineData("application/json", "http://evil.example", null, 403, "cross_site_request")]
    [InlineData("application/json", "null", null, 403, "cross_site_request")]
    [InlineData("application/json", null, "cross-site", 403, "cross_site_request")]
    [InlineData("application/json", null, "same-site", 403, "cross_site_request")]
    public async Task BrowserLikeCreate_FromAnotherSite_IsRefused_AndCreatesNothing(string contentType, string? origin, string? fetchSite, int status, string code)
    {
        using var timeout = TestTimeout.Start(60);
        var before = await CountVmsAsync(timeout.Token);

        using var response = await SendAsync(contentType, origin, fetchSite, "/api/vms", timeout.Token);

        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(status == (int)response.StatusCode, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountVmsAsync(timeout.Token));
    }

    [Fact]
    public async Task Create_FromTheConsolesOwnOrigin_IsAccepted()
    {
        using var timeout = TestTimeout.Start(60);
        var origin = fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var response = await SendAsync("application/json", origin, "same-origin", "/api/vms", timeout.Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ForeignHostHeader_IsRefused400WithProblemJson()
    {
        using var timeout = TestTimeout.Start(60);
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/vms");
        request.Headers.Host = "rebound.evil.example";
        request.Headers.Add(TestKeys.Header, TestKeys.Admin);

        using var response = await http.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpResponseMessage> SendAsync(string contentType, string? origin, string? fetchSite, string path, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent("""{ "name": "csrf", "size": "small", "image": "ubuntu" }""", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(TestKeys.Header, TestKeys.Admin);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<int> CountVmsAsync(CancellationToken cancellationToken)
    {
        var page = await fixture.Api.GetAsync("/api/vms?limit=1000", cancellationToken);
        return page.Json.GetProperty("items").GetArrayLength();
    }
}
