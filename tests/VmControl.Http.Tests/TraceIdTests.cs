using System.Diagnostics;

namespace VmControl.Http.Tests;

/// <summary>An accepted action keeps the trace id of its request, so a caller's own trace leads to it (docs/telemetry.md).</summary>
public sealed class TraceIdTests : IDisposable
{
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    // As the hosts' OpenTelemetry does: something listens to the request spans, so ASP.NET Core starts them.
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public TraceIdTests() => ActivitySource.AddActivityListener(listener);

    public void Dispose() => listener.Dispose();

    [Fact]
    public async Task RequestAction_CallerSentATraceparent_TheActionResourceAndRecordCarryItsTraceId()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync(
            "POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("traceparent", $"00-{CallerTraceId}-00f067aa0ba902b7-01"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await ApiHost.JsonAsync(response);
        Assert.Equal(CallerTraceId, body.GetProperty("traceId").GetString());
        var stored = await api.Actions.GetAsync(vm.Id, body.GetProperty("id").GetString()!);
        Assert.Equal(CallerTraceId, stored?.TraceId);
    }

    [Fact]
    public async Task ResetState_TheResetActionCarriesTheRequestTraceId()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm(Domain.VmState.Error);

        using var response = await api.SendAsync(
            "POST", $"/api/vms/{vm.Id}/reset-state", """{ "vmState": "active", "reason": "fixed by hand" }""", ("traceparent", $"00-{CallerTraceId}-00f067aa0ba902b7-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reset = await api.Vms.GetAsync(vm.Id);
        var action = await api.Actions.GetAsync(vm.Id, reset!.CurrentActionId!);
        Assert.Equal(CallerTraceId, action?.TraceId);
    }
}
