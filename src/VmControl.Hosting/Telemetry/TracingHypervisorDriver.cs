using System.Diagnostics;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Application.Telemetry;
using VmControl.Domain;

namespace VmControl.Hosting.Telemetry;

/// <summary>
/// A span per call to whichever driver is active (ARM or the simulator), so a slow or failing hypervisor shows in the
/// trace of the task that called it. A decorator keeps the drivers free of telemetry code.
/// </summary>
public sealed class TracingHypervisorDriver(IHypervisorDriver inner) : IHypervisorDriver
{
    public const string DriverTag = "vmcontrol.driver";

    public const string VmActionTag = "vmcontrol.vm_action";

    private static readonly ActivitySource Source = new(TelemetrySources.Drivers);

    private readonly IHypervisorDriver inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public string Name => inner.Name;

    public DriverCapabilities Capabilities => inner.Capabilities;

    public Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return TraceAsync("begin", command.VmId, command.RequestId, command.Action.ToWire(), () => inner.BeginAsync(command, cancellationToken));
    }

    public Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default) =>
        TraceAsync("poll", null, null, null, () => inner.PollAsync(operation, cancellationToken));

    public Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default) =>
        TraceAsync("get_power_state", null, null, null, () => inner.GetPowerStateAsync(externalId, cancellationToken));

    public Task<Page<PowerReading>> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default) =>
        TraceAsync("list_power_states", null, null, null, () => inner.ListPowerStatesAsync(continuationToken, cancellationToken));

    private async Task<T> TraceAsync<T>(string call, string? vmId, string? actionId, string? vmAction, Func<Task<T>> run)
    {
        // A call that does not carry the ids (a poll) takes them from the activity's span it runs in (TaskSpan).
        var parent = Activity.Current;
        using var span = Source.StartActivity($"hypervisor {call}", ActivityKind.Client);
        if (span is not null)
        {
            span.SetTag(DriverTag, inner.Name);
            span.SetTag(TelemetryTags.VmId, vmId ?? parent?.GetTagItem(TelemetryTags.VmId));
            span.SetTag(TelemetryTags.ActionId, actionId ?? parent?.GetTagItem(TelemetryTags.ActionId));
            span.SetTag(VmActionTag, vmAction);
        }

        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception ex) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message);
            span.AddException(ex);
            if (ex is HypervisorException { Error: { } error })
            {
                span.SetTag("error.type", error.Code);
            }

            throw;
        }
    }
}
