using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using VmControl.Application.Ports;
using VmControl.Http;

namespace VmControl.LocalHost.Tests;

/// <summary>
/// The safety net of <c>ApplicationBuilderExtensions.UseVmControlProblems</c> on failures a real request cannot
/// provoke in a healthy LocalHost: an exception nothing caught.
/// </summary>
public sealed class ProblemMiddlewareTests
{
    [Theory]
    [InlineData("/boom", 500, "internal_error")]
    [InlineData("/store-down", 503, "store_unavailable")]
    public async Task UnhandledException_IsAProblemNeverAnHtmlPage(string path, int status, string code)
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("secret", body.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    // Development, where ASP.NET Core would otherwise show its HTML exception page.
    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseVmControlProblems();
        app.MapGet("/boom", (Func<string>)(() => throw new InvalidOperationException("secret internals")));
        app.MapGet("/store-down", (Func<string>)(() => throw new StoreUnavailableException("Table Storage at secret.table.core.windows.net did not answer.", new TimeoutException("secret"))));
        await app.StartAsync();
        return app;
    }
}
