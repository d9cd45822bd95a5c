using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Trace;
using VmControl.Drivers.Simulated;
using VmControl.Durable.Sidecar;
using VmControl.Hosting.Telemetry;
using VmControl.Http;
using VmControl.Storage;

namespace VmControl.Application.Tests.Telemetry;

/// <summary>
/// The LocalHost's composition (HTTP API, Table stores, simulated hypervisor, Durable engine over Azurite) with the
/// shared telemetry setup, its spans collected in memory instead of exported.
/// </summary>
public sealed class TracedApi : IAsyncLifetime
{
    private readonly string prefix = "T" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
    private readonly SpanCollector spans = new();
    private DurableSidecar? sidecar;
    private WebApplication? app;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    /// <summary>Every span exported so far, of any trace.</summary>
    public IReadOnlyCollection<Activity> Spans => spans.Ended;

    public async Task InitializeAsync()
    {
        AzuriteCheck.EnsureRunning();
        sidecar = await DurableSidecar.StartAsync(
            new DurableEngineOptions { HubName = prefix, WorkerId = prefix, PartitionCount = 1 },
            NullLoggerFactory.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestKeys.Settings());
        builder.Logging.ClearProviders();
        builder.Services.AddTableStorage(new TableStorageOptions { ConnectionString = AzuriteCheck.ConnectionString, TablePrefix = prefix });
        builder.Services.AddSimulatedHypervisor(AzuriteCheck.ConnectionString, o => o.TablePrefix = prefix);
        builder.Services.AddVmControlTelemetry(new TelemetryOptions()).WithTracing(t => t.AddProcessor(spans));
        builder.Services.AddVmControlApplication();
        builder.Services.AddDurableEngine(sidecar);
        builder.Services.AddVmControlHttp();
        app = builder.Build();
        app.UseRouting();
        app.MapVmControlApi();
        await app.StartAsync();
        Client = app.GetTestClient();
        Client.DefaultRequestHeaders.Add(TestKeys.Header, TestKeys.Admin);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (sidecar is not null)
        {
            await sidecar.Service.DeleteAsync();
            await sidecar.DisposeAsync();
        }
    }

    /// <summary>The ended spans of one trace, waiting (bounded) until <paramref name="until"/> holds of them.</summary>
    public async Task<IReadOnlyList<Activity>> TraceAsync(string traceId, Func<IReadOnlyList<Activity>, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            Services.GetRequiredService<TracerProvider>().ForceFlush();
            List<Activity> trace = [.. spans.Ended.Where(s => s.TraceId.ToHexString() == traceId)];

            if (until(trace) || DateTime.UtcNow > deadline)
            {
                return trace;
            }

            await Task.Delay(50);
        }
    }
}
