namespace VmControl.Drivers.Azure;

/// <summary>How <c>stop</c> stops a VM: both read as shutdown; only deallocation stops compute billing.</summary>
public enum AzureStopMode
{
    /// <summary><c>powerOff</c>: the VM keeps its host and IPs and is still billed.</summary>
    PowerOff,

    /// <summary><c>deallocate</c>: the host is released and compute billing stops; a start may land on another host.</summary>
    Deallocate,
}
