namespace VmControl.Drivers.Azure;

/// <summary>What Azure cannot do at all; the API refuses these with 422 before anything changes.</summary>
internal static class AzureCapabilities
{
    public static DriverCapabilities Value { get; } = new(
        new Dictionary<VmAction, string>
        {
            [VmAction.Pause] = "Azure has no pause: a VM cannot be frozen in memory. Use stop, or suspend where the VM has hibernation enabled.",
            [VmAction.Unpause] = "Azure has no pause, so there is nothing to unpause.",
            [VmAction.Rescue] = "Azure has no rescue mode: repair needs a separate repair VM (az vm repair) or the serial console.",
            [VmAction.Unrescue] = "Azure has no rescue mode, so there is nothing to unrescue.",
        },
        // Deallocated VMs still report PowerState/deallocated (mapped to shutdown), never nothing.
        DeallocatedReadsAsNoState: false);
}
