using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Hosting.Telemetry;

namespace VmControl.Functions;

/// <summary>The worker's telemetry in Application Insights (docs/telemetry.md).</summary>
internal static class FunctionsTelemetryExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The Functions worker's own source: a span per function invocation, under the host's request.</summary>
    public const string WorkerSource = "Microsoft.Azure.Functions.Worker";

    public static IServiceCollection AddVmControlFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // As the Functions quickstarts: the worker's logs and exceptions, correlated with the host's invocation. Its
        // dependency collector is off because the OpenTelemetry spans below report the same calls.
        services.AddApplicationInsightsTelemetryWorkerService(o => o.EnableDependencyTrackingTelemetryModule = false)
            .ConfigureFunctionsApplicationInsights();

        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        // The role name Application Insights gives the host's telemetry, so both land on one node of the application map.
        if (configuration.GetSection(TelemetryOptions.Section)[nameof(TelemetryOptions.ServiceName)] is null
            && configuration["WEBSITE_SITE_NAME"] is { Length: > 0 } site)
        {
            options.ServiceName = site;
        }

        var telemetry = services.AddVmControlTelemetry(options).WithTracing(t => t.AddSource(WorkerSource));
        if (configuration[ConnectionStringSetting] is not { Length: > 0 } connectionString)
        {
            return services;
        }

        var credential = CredentialOf(configuration[AuthenticationStringSetting]);
        if (credential is not null)
        {
            services.Configure<TelemetryConfiguration>(c => c.SetAzureTokenCredential(credential));
        }

        telemetry
            .WithTracing(t => t.AddAzureMonitorTraceExporter(o => Configure(o, connectionString, credential)))
            .WithMetrics(m => m.AddAzureMonitorMetricExporter(o => Configure(o, connectionString, credential)));
        return services;
    }

    private static void Configure(AzureMonitorExporterOptions options, string connectionString, TokenCredential? credential)
    {
        options.ConnectionString = connectionString;
        options.Credential = credential;

        // Every trace is kept: actions are few, and a sampled-out trace would leave an action's trace id leading
        // nowhere. (The exporter's default is rate-limited sampling, which also drops spans the OTLP exporter would send.)
        options.TracesPerSecond = null;
        options.SamplingRatio = 1.0F;
    }

    // The Bicep sets "Authorization=AAD;ClientId=<identity>": the Application Insights resource takes Entra tokens only.
    private static TokenCredential? CredentialOf(string? authentication)
    {
        if (string.IsNullOrEmpty(authentication))
        {
            return null;
        }

        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
