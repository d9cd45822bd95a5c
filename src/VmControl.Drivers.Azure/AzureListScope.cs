namespace VmControl.Drivers.Azure;

/// <summary>Which VMs the bulk power read reports.</summary>
public enum AzureListScope
{
    /// <summary>Every VM in the subscription.</summary>
    Subscription,

    /// <summary>
    /// Only VMs in <see cref="AzureDriverOptions.ResourceGroup"/>. ARM's resource-group list has no
    /// <c>statusOnly</c>, so this still reads the subscription list and keeps the group's VMs: one call a page either way.
    /// </summary>
    ResourceGroup,
}
