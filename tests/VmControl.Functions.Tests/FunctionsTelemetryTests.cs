using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace VmControl.Functions.Tests;

/// <summary>The worker's OpenTelemetry spans reach the Application Insights named by APPLICATIONINSIGHTS_CONNECTION_STRING.</summary>
public sealed class FunctionsTelemetryTests
{
    private static readonly ActivitySource Probe = new("VmControl.FunctionsProbe");

    [Fact]
    public async Task ConnectionStringSet_VmControlSpansAreSentToItsIngestionEndpoint()
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var name = "probe-" + Guid.NewGuid().ToString("N");
        await using var ingestion = await StartIngestionAsync(received, name);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsTelemetryExtensions.ConnectionStringSetting] = $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={AddressOf(ingestion)}/",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHypervisorDriver>(_ => throw new InvalidOperationException("Not used here."));
        services.AddVmControlFunctionsTelemetry(configuration);
        await using var provider = services.BuildServiceProvider();
        var tracing = provider.GetRequiredService<TracerProvider>();

        Probe.StartActivity(name)?.Dispose();
        tracing.ForceFlush();

        Assert.Contains(name, await received.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    // A stand-in for the Application Insights ingestion endpoint: it keeps the first batch that names the probe span.
    private static async Task<WebApplication> StartIngestionAsync(TaskCompletionSource<string> received, string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v2.1/track", async (HttpContext context) =>
        {
            var body = context.Request.Headers.ContentEncoding == "gzip"
                ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                : context.Request.Body;
            using var reader = new StreamReader(body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            if (text.Contains(name, StringComparison.Ordinal))
            {
                received.TrySetResult(text);
            }

            return Results.Json(new { itemsReceived = 1, itemsAccepted = 1, errors = Array.Empty<object>() });
        });
        await app.StartAsync();
        return app;
    }
}
