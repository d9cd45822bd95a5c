using System.Collections.Concurrent;
using System.Diagnostics;
using VmControl.Application.Telemetry;
using VmControl.Hosting.Telemetry;

namespace VmControl.Application.Tests.Telemetry;

public sealed class TracingHypervisorDriverTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> ended = new();
    private readonly ActivityListener listener;

    public TracingHypervisorDriverTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TelemetrySources.Drivers,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = ended.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose() => listener.Dispose();

    [Fact]
    public async Task BeginAsync_DriverRefuses_SpanIsAnErrorWithTheCodeAndTheIds_AndTheErrorStillReachesTheCaller()
    {
        var driver = new TracingHypervisorDriver(new FailingDriver());
        var vmId = VmIds.New();
        var command = new HypervisorCommand(vmId, null, VmAction.Create, "web-1", "small", "ubuntu", new Dictionary<string, string>(), new Dictionary<string, string>(), "a1");

        var thrown = await Assert.ThrowsAsync<HypervisorException>(() => driver.BeginAsync(command));

        Assert.Same(FailingDriver.Refusal, thrown.Error);
        var span = Assert.Single(ended, s => Equals(s.GetTagItem(TelemetryTags.VmId), vmId));
        Assert.Equal(
            (ActivityStatusCode.Error, "quota_exceeded", "a1", "failing", "create"),
            (span.Status, span.GetTagItem("error.type"), span.GetTagItem(TelemetryTags.ActionId), span.GetTagItem(TracingHypervisorDriver.DriverTag), span.GetTagItem(TracingHypervisorDriver.VmActionTag)));
    }

    [Fact]
    public async Task PollAsync_InsideATaskSpan_TakesTheVmAndActionOfThatSpan()
    {
        var driver = new TracingHypervisorDriver(new FailingDriver());
        var vmId = VmIds.New();
        using (var task = new Activity("activity:PollOperationActivity").Start())
        {
            TaskSpan.Tag(vmId, "a2");
            await Assert.ThrowsAsync<HypervisorException>(() => driver.PollAsync(new HypervisorOperation("m1", "op1", TimeSpan.Zero)));
        }

        var span = Assert.Single(ended, s => Equals(s.GetTagItem(TelemetryTags.VmId), vmId));
        Assert.Equal(("hypervisor poll", "a2"), (span.DisplayName, span.GetTagItem(TelemetryTags.ActionId)));
    }

    [Fact]
    public void AddVmControlTelemetry_WrapsTheDriverTheInfrastructureRegistered()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHypervisorDriver>(new FailingDriver());
        services.AddVmControlTelemetry(new TelemetryOptions());

        using var provider = services.BuildServiceProvider();
        var driver = Assert.IsType<TracingHypervisorDriver>(Assert.Single(provider.GetServices<IHypervisorDriver>()));
        Assert.Equal("failing", driver.Name);
    }

    [Fact]
    public void AddVmControlTelemetry_NoDriverRegistered_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddVmControlTelemetry(new TelemetryOptions()));
}
