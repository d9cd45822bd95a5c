using Grpc.Core;
using VmControl.Application.Ports;

namespace VmControl.Durable;

/// <summary>
/// The Durable client's transport failures, which the application treats like a store that did not answer (503): the
/// engine's gRPC endpoint down or too slow, or its HTTP connection refused. Anything else the client throws is a bug
/// and leaves as it is (500).
/// </summary>
internal static class EngineUnreachable
{
    public static bool Is(Exception exception) => exception switch
    {
        RpcException rpc => rpc.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted,
        HttpRequestException => true,
        _ => false,
    };

    public static StoreUnavailableException Wrap(Exception exception) =>
        new("The Durable engine did not answer.", exception);
}
