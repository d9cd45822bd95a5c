using System.Diagnostics;
using VmControl.Application.Model;

namespace VmControl.Bench.PowerSync;

/// <summary>
/// The pass §3 forbids, for comparison: for each VM one driver GET and one table write, sequentially, the way a
/// per-VM loop would do it. Only the first <c>sample</c> VMs are done; the caller extrapolates when it is a sample.
/// </summary>
internal static class NaivePass
{
    public static async Task<PassFigures> RunAsync(BenchFleet fleet, int sample, CancellationToken cancellationToken)
    {
        var hypervisor = fleet.Hypervisor;
        hypervisor.ResetReadCounts();
        var writes = 0L;
        var done = 0;
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        string? token = null;
        do
        {
            var page = await fleet.Vms.ListAsync(new VmQuery(Limit: Math.Min(1000, sample - done), ContinuationToken: token), cancellationToken);
            foreach (var vm in page.Items)
            {
                var reading = await hypervisor.GetPowerStateAsync(vm.ExternalId ?? vm.Id, cancellationToken);
                await fleet.Vms.TryReplaceAsync(
                    vm with { PowerState = reading.PowerState, PowerStateDetail = reading.Detail, PowerStateObservedAt = reading.ObservedAt },
                    cancellationToken);
                writes++;
                done++;
            }

            token = page.ContinuationToken;
        }
        while (token is not null && done < sample);

        return new PassFigures("naive", done, hypervisor.ReadCount, writes, clock.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
    }
}
