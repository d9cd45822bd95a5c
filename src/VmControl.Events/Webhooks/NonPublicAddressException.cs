namespace VmControl.Events.Webhooks;

/// <summary>A webhook host resolved to an address this deployment does not call.</summary>
public sealed class NonPublicAddressException : Exception
{
    public NonPublicAddressException()
    {
    }

    public NonPublicAddressException(string message)
        : base(message)
    {
    }

    public NonPublicAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
