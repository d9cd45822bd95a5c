using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VmControl.Application.Ports;
using VmControl.Application.Telemetry;

namespace VmControl.Hosting.Telemetry;

/// <summary>
/// The OpenTelemetry setup both hosts share (docs/telemetry.md): spans for requests, outgoing HTTP, the Durable Task
/// SDK's orchestrations and activities and the driver calls; the <c>VmControl.*</c> meters; OTLP only when configured.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Call after <see cref="InfrastructureServiceCollectionExtensions.AddVmControlInfrastructure"/>: it wraps the driver that registered.</summary>
    public static OpenTelemetryBuilder AddVmControlTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.DecorateHypervisorDriver();
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(TelemetrySources.VmControl, TelemetrySources.DurableTask)
                .AddProcessor(new DurableTaskSpanEnricher())
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = IsNotGrpc;
                    o.EnrichWithHttpResponse = TagVmOfRoute;
                })
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = _ => HasParent(Activity.Current)))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetrySources.VmControl)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            builder.UseOtlpExporter(ProtocolOf(options.OtlpProtocol), new Uri(options.OtlpEndpoint));
        }

        return builder;
    }

    private static void DecorateHypervisorDriver(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IHypervisorDriver))
            ?? throw new InvalidOperationException("Register the hypervisor driver (AddVmControlInfrastructure) before the telemetry.");
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(
            typeof(IHypervisorDriver), sp => new TracingHypervisorDriver(Resolve(registered, sp)), registered.Lifetime));
    }

    private static IHypervisorDriver Resolve(ServiceDescriptor registered, IServiceProvider services) => (IHypervisorDriver)(
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));

    // The LocalHost's in-process Durable sidecar serves gRPC through the same ASP.NET Core instrumentation; the API never
    // does, and the engine's spans already stand for what those calls do.
    private static bool IsNotGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true;

    // A call outside any span is the Durable storage provider polling its queues, many times a second: kept, it would
    // bury the traces that matter. Calls made for a request, an orchestration or an activity are kept.
    private static bool HasParent(Activity? span) => span?.Parent is not null;

    // Every VM route names the VM {id}: a GET or a refused request is found by its VM too, not only an accepted action.
    private static void TagVmOfRoute(Activity span, HttpResponse response)
    {
        if (response.HttpContext.Request.RouteValues.TryGetValue("id", out var id) && id is string vmId && span.GetTagItem(TelemetryTags.VmId) is null)
        {
            span.SetTag(TelemetryTags.VmId, vmId);
        }
    }

    private static OtlpExportProtocol ProtocolOf(string protocol) => protocol switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"Telemetry:OtlpProtocol '{protocol}' is neither 'grpc' nor 'http/protobuf'."),
    };
}
