using System.Net.Sockets;
using Azure;

namespace VmControl.Storage;

/// <summary>Tells "the store did not answer" (the API's 503) apart from answers the store gave.</summary>
internal static class StorageErrors
{
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        // Status 0: no response at all; 408/429/5xx: the service is there but cannot serve now.
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or IOException or SocketException => true,
        // The SDK's own network timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        // Azure.Core's retry policy throws every attempt's failure together once it gives up.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => IsUnavailable(inner, cancellationToken)),
        _ => false,
    };

    public static StoreUnavailableException Unavailable(Exception exception) =>
        // The client's message names the account, the endpoint and request ids: it stays on the inner exception, which
        // the logs print, and this message (which may reach a client) says only what failed.
        new($"Table Storage did not answer ({exception.GetType().Name}).", exception);

    public static bool IsStatus(this RequestFailedException exception, int status) => exception.Status == status;
}
