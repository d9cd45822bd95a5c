using System.Net.Sockets;
using Azure;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace VmControl.Durable.Sidecar;

/// <summary>
/// The sidecar's gRPC server answers any exception of its backend with status Unknown, so a client cannot tell a
/// storage outage from a bug (a clean-clone CI run's storage-outage test got a 500 where a 503 belongs). A failure of
/// the backend's storage anywhere in the exception chain (the Azure SDK's 5xx or connection failure, which the
/// provider wraps in its own internal exception, an HTTP or socket failure) leaves as Unavailable, which the client side maps to 503 <c>store_unavailable</c>; everything else is
/// unchanged.
/// </summary>
public sealed class StorageFailureInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The engine's storage did not answer.", ex));
        }
    }

    public static bool IsStorageFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException
                || (e is RequestFailedException failed && (failed.Status == 0 || failed.Status >= 500)))
            {
                return true;
            }
        }

        return false;
    }
}
