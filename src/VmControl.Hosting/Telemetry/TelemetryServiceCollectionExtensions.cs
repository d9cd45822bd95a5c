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
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = TagVmOfRoute)
                .AddHttpClientInstrumentation())
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

    // Every VM route names the VM {id}: a GET or a refused request is found by its VM too, not only an accepted action.
    private static void TagVmOfRoute(System.Diagnostics.Activity span, HttpResponse response)
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
