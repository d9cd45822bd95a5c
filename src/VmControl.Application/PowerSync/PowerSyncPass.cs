using Microsoft.Extensions.Logging;
using VmControl.Application.Tasks;

namespace VmControl.Application.PowerSync;

/// <summary>
/// One pass (docs/power-sync.md): the driver's bulk list first, the active alerts, then the VM records a page at a
/// time; each VM is written only when something power sync owns changed, and alerts are raised and resolved at the end.
/// Nothing here reads one VM or one machine at a time, except to retry a lost compare-and-swap.
/// </summary>
internal sealed partial class PowerSyncPass(
    IVmStore vms,
    IAlertStore alerts,
    IHypervisorDriver driver,
    ITaskLauncher launcher,
    PassCommands commands,
    PowerSyncSettings settings,
    DateTimeOffset now,
    ILogger logger)
{
    private readonly Dictionary<string, PowerReading> byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PowerReading> byVmTag = new(StringComparer.Ordinal);
    private readonly HashSet<string> knownMachines = new(StringComparer.Ordinal);
    private readonly Dictionary<AlertKey, AlertRecord> raise = [];
    private readonly HashSet<AlertKey> keep = [];
    private readonly HashSet<AlertKey> active = [];
    private readonly int threshold = Math.Max(1, settings.MismatchPasses);

    public int VmsSeen { get; private set; }

    public int MachinesSeen => byExternalId.Count;

    public int Changed { get; private set; }

    public int Writes { get; private set; }

    public int DriverReads { get; private set; }

    public int Conflicts { get; private set; }

    public int AlertsOpened { get; private set; }

    public int AlertsBumped { get; private set; }

    public int AlertsResolved { get; private set; }

    public int HealsStarted { get; private set; }

    public int TasksResumed { get; private set; }

    public int Reclaimed { get; private set; }

    /// <summary>Heals and reclaims left to a later pass because the rate budget had no token.</summary>
    public int Deferred { get; private set; }

    /// <summary>Sees every VM record the pass reads (event recovery rides on this read instead of a scan of its own).</summary>
    public Action<VmRecord>? OnListed { get; init; }

    /// <summary>The VMs with an active alert when the pass began.</summary>
    public IEnumerable<string> AlertedVmIds => active.Select(key => key.VmId);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The driver first: an outage here leaves every record and alert as it was.
        await ReadMachinesAsync(cancellationToken).ConfigureAwait(false);
        await ReadActiveAlertsAsync(cancellationToken).ConfigureAwait(false);
        string? token = null;
        do
        {
            var page = await vms.ListAsync(new VmQuery(Limit: settings.PageSize, ContinuationToken: token), cancellationToken).ConfigureAwait(false);
            foreach (var vm in page.Items)
            {
                OnListed?.Invoke(vm);
                await SyncAsync(vm, cancellationToken).ConfigureAwait(false);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        RaiseUnknownMachines();
        await SettleAlertsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadMachinesAsync(CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await driver.ListPowerStatesAsync(token, cancellationToken).ConfigureAwait(false);
            DriverReads++;
            foreach (var reading in page.Items)
            {
                byExternalId[reading.ExternalId] = reading;
                if (reading.VmId is { } vmId)
                {
                    byVmTag[vmId] = reading;
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    private async Task ReadActiveAlertsAsync(CancellationToken cancellationToken)
    {
        foreach (var status in new[] { AlertStatus.Open, AlertStatus.Acknowledged })
        {
            string? token = null;
            do
            {
                var page = await alerts.ListAsync(new AlertQuery(status, Limit: settings.PageSize, ContinuationToken: token), cancellationToken)
                    .ConfigureAwait(false);
                active.UnionWith(page.Items.Select(a => new AlertKey(a.VmId, a.Kind)));
                token = page.ContinuationToken;
            }
            while (token is not null);
        }
    }

    /// <summary>The VM's machine: by the driver's id, or for a record that has none yet, by the VM id (as id or as tag).</summary>
    private PowerReading? MachineOf(VmRecord vm)
    {
        if (vm.ExternalId is { } externalId)
        {
            return byExternalId.GetValueOrDefault(externalId);
        }

        return byExternalId.GetValueOrDefault(vm.Id) ?? byVmTag.GetValueOrDefault(vm.Id);
    }
}
