namespace VmControl.Drivers.Azure;

/// <summary>The tags the driver puts on the VMs it manages.</summary>
internal static class AzureTags
{
    /// <summary>The control plane's VM id: the bulk list maps machines to VMs through it.</summary>
    public const string VmId = "vmcontrol-id";

    /// <summary>The size before a resize, so revert_resize can go back (Azure itself has no revert).</summary>
    public const string PreviousSize = "vmcontrol-previous-size";
}
