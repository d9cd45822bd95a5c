using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using VmControl.Application.Tasks.Activities;
using VmControl.Application.Telemetry;
using VmControl.Hosting.Telemetry;

namespace VmControl.Application.Tests.Telemetry;

/// <summary>One request's trace through the LocalHost's composition: the request, its orchestration, activities and driver calls.</summary>
public sealed class TraceTests : IAsyncLifetime
{
    private const string TracingSource = TelemetrySources.Drivers;

    private readonly TracedApi api = new();

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task CreateRequest_ActionRecordsItsTraceId_AndTheTraceHasTheRequestAndTheDriverCallTaggedWithVmAndAction()
    {
        var (vmId, actionId, traceId) = await CreateAsync();

        var trace = await api.TraceAsync(traceId, t => t.Any(s => s.DisplayName.StartsWith("orchestration:", StringComparison.Ordinal)));

        var request = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal((vmId, actionId), (request.GetTagItem(TelemetryTags.VmId), request.GetTagItem(TelemetryTags.ActionId)));
        var begin = Assert.Single(trace, s => s.DisplayName == "hypervisor begin");
        Assert.Equal(
            (vmId, actionId, "simulated", "create"),
            (begin.GetTagItem(TelemetryTags.VmId), begin.GetTagItem(TelemetryTags.ActionId), begin.GetTagItem(TracingHypervisorDriver.DriverTag), begin.GetTagItem(TracingHypervisorDriver.VmActionTag)));
        var orchestration = Assert.Single(trace, s => s.DisplayName == "orchestration:" + VmTaskOrchestrator.Name);
        Assert.Equal(vmId, orchestration.GetTagItem(TelemetryTags.VmId));
        var activity = Assert.Single(trace, s => s.DisplayName == "activity:" + BeginVmTaskActivity.Name && s.Kind == ActivityKind.Server);
        Assert.Equal((vmId, actionId), (activity.GetTagItem(TelemetryTags.VmId), activity.GetTagItem(TelemetryTags.ActionId)));
        Assert.All(trace.Where(s => s.Source.Name == TracingSource), s => Assert.Equal((vmId, actionId), (s.GetTagItem(TelemetryTags.VmId), s.GetTagItem(TelemetryTags.ActionId))));

        // The table calls made for the request are kept; the sidecar's gRPC server calls are not.
        Assert.Contains(trace, s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url && url.Contains("Vms(PartitionKey=", StringComparison.Ordinal));
        Assert.DoesNotContain(trace, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("TaskHubSidecarService", StringComparison.Ordinal));

        // The engine's queue polling (HTTP calls under no span) is not exported.
        Assert.DoesNotContain(api.Spans, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == default);
    }

    private async Task<(string VmId, string ActionId, string TraceId)> CreateAsync()
    {
        using var content = new StringContent("""{ "name": "traced", "size": "small", "image": "ubuntu" }""", Encoding.UTF8, "application/json");
        using var created = await api.Client.PostAsync(new Uri("/api/vms", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var vm = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var vmId = vm.GetProperty("id").GetString()!;
        var actionId = vm.GetProperty("currentActionId").GetString()!;
        using var read = await api.Client.GetAsync(new Uri($"/api/vms/{vmId}/actions/{actionId}", UriKind.Relative));
        var action = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        var traceId = action.GetProperty("traceId").GetString();
        Assert.NotNull(traceId);
        return (vmId, actionId, traceId);
    }
}
