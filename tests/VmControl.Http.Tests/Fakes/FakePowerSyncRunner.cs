using VmControl.Application.PowerSync;

namespace VmControl.Http.Tests.Fakes;

/// <summary>A pass that "saw" <see cref="VmsSeen"/> VMs and did nothing else.</summary>
public sealed class FakePowerSyncRunner(int vmsSeen) : IPowerSyncRunner
{
    public int VmsSeen { get; } = vmsSeen;

    public Task<PowerSyncSummary> RunPassAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new PowerSyncSummary(DateTimeOffset.UnixEpoch, 0, VmsSeen, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Failed: false, null, 0));
}
