namespace VmControl.Hosting.Telemetry;

/// <summary>Telemetry settings (section <c>Telemetry</c>) both hosts read; docs/telemetry.md.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OpenTelemetry resource's <c>service.name</c> (Application Insights' cloud role name).</summary>
    public string ServiceName { get; set; } = "VmControl";

    /// <summary>
    /// An OTLP collector (for example <c>http://localhost:4317</c>); empty turns the OTLP exporter off, which is the
    /// local default so a developer without a collector sees no export errors.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (the default, port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";
}
