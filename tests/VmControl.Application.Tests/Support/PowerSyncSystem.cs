using Microsoft.Extensions.Options;
using VmControl.Application.Events;
using VmControl.Application.PowerSync;
using VmControl.Drivers.Simulated;

namespace VmControl.Application.Tests.Support;

/// <summary>Power sync over a <see cref="TaskSystem"/>: the service with the system's real parts, any of which a test may swap.</summary>
internal static class PowerSyncSystem
{
    public static IAlertStore Alerts(this TaskSystem system) => system.Services.GetRequiredService<IAlertStore>();

    public static SimulatedHypervisor Hypervisor(this TaskSystem system) => system.Services.GetRequiredService<SimulatedHypervisor>();

    /// <summary>A power-sync service; <paramref name="driver"/> and <paramref name="time"/> replace the system's at the port seam.</summary>
    public static PowerSyncService PowerSync(
        this TaskSystem system,
        Action<PowerSyncSettings>? configure = null,
        IHypervisorDriver? driver = null,
        TimeProvider? time = null,
        EventRecovery? recovery = null)
    {
        var settings = new PowerSyncSettings();
        configure?.Invoke(settings);
        return ActivatorUtilities.CreateInstance<PowerSyncService>(
            system.Services,
            Options.Create(settings),
            driver ?? system.Services.GetRequiredService<IHypervisorDriver>(),
            time ?? TimeProvider.System,
            recovery ?? system.Services.GetRequiredService<EventRecovery>());
    }

    /// <summary>Changes the VM's machine out of band, as a guest would.</summary>
    public static async Task SetPowerAsync(this TaskSystem system, VmRecord vm, Domain.PowerState power)
    {
        var reading = await system.Hypervisor().SetPowerStateAsync(vm.ExternalId ?? vm.Id, power);
        Assert.NotNull(reading);
    }

    public static async Task<IReadOnlyList<AlertRecord>> AlertsOfAsync(this TaskSystem system, string vmId, AlertKind? kind = null)
    {
        var page = await system.Alerts().ListAsync(new AlertQuery(VmId: vmId, Kind: kind, Limit: 1000));
        return page.Items;
    }

    public static async Task<IReadOnlyList<AlertRecord>> AllAlertsAsync(this TaskSystem system)
    {
        var page = await system.Alerts().ListAsync(new AlertQuery(Limit: 1000));
        return page.Items;
    }
}
