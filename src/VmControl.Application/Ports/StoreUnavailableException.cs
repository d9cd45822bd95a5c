namespace VmControl.Application.Ports;

/// <summary>The store (or the Durable engine's storage) did not answer; the API answers 503 and nothing was written.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : base("The store is unavailable.")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
