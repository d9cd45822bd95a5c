using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using VmControl.Hosting.Telemetry;

namespace VmControl.Application.Tests.Telemetry;

/// <summary>The OTLP exporter is there only when <c>Telemetry:OtlpEndpoint</c> names a collector (off locally by default).</summary>
public sealed class OtlpExporterTests
{
    private static readonly ActivitySource Probe = new("VmControl.OtlpProbe");

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public void AddVmControlTelemetry_RegistersTheOtlpExporterOnlyWhenAnEndpointIsSet(string? endpoint, bool registered)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHypervisorDriver>(new FailingDriver());

        services.AddVmControlTelemetry(new TelemetryOptions { OtlpEndpoint = endpoint });

        Assert.Equal(registered, services.Any(IsOtlp));
    }

    [Fact]
    public async Task OtlpEndpointSet_SpansReachTheCollector()
    {
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var collector = await StartCollectorAsync(received);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHypervisorDriver>(new FailingDriver());
        services.AddVmControlTelemetry(new TelemetryOptions { OtlpEndpoint = AddressOf(collector), OtlpProtocol = "http/protobuf" });
        await using var provider = services.BuildServiceProvider();
        var tracing = provider.GetRequiredService<TracerProvider>();
        var name = "probe-" + Guid.NewGuid().ToString("N");

        Probe.StartActivity(name)?.Dispose();
        tracing.ForceFlush();

        var body = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(name, Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public void AddVmControlTelemetry_UnknownProtocol_Throws()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHypervisorDriver>(new FailingDriver());

        Assert.Throws<InvalidOperationException>(() =>
            services.AddVmControlTelemetry(new TelemetryOptions { OtlpEndpoint = "http://127.0.0.1:4318", OtlpProtocol = "json" }));
    }

    private static bool IsOtlp(ServiceDescriptor descriptor) =>
        new[] { descriptor.ServiceType, descriptor.ImplementationType, descriptor.ImplementationInstance?.GetType() }
            .Any(t => t?.FullName?.Contains("Otlp", StringComparison.Ordinal) == true
                || t?.GenericTypeArguments.Any(a => a.FullName?.Contains("Otlp", StringComparison.Ordinal) == true) == true);

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    // A stand-in OTLP/HTTP collector: it keeps the first batch of spans posted to it.
    private static async Task<WebApplication> StartCollectorAsync(TaskCompletionSource<byte[]> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.TrySetResult(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
