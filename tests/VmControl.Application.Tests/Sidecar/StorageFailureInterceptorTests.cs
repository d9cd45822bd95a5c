using Azure;
using Grpc.Core;
using VmControl.Durable.Sidecar;

namespace VmControl.Application.Tests.Sidecar;

/// <summary>The sidecar tells a storage outage (Unavailable, a 503 for the caller) from a bug (left as it is, a 500).</summary>
public sealed class StorageFailureInterceptorTests
{
    public static TheoryData<Exception> StorageFailures() => new()
    {
        new InvalidOperationException("the provider's wrapper", new RequestFailedException(0, "connection refused")),
        new InvalidOperationException("wrapped", new RequestFailedException(503, "server busy")),
        new HttpRequestException("no route"),
        new System.Net.Sockets.SocketException(111),
    };

    [Theory]
    [MemberData(nameof(StorageFailures))]
    public async Task StorageFailure_LeavesAsUnavailable(Exception failure)
    {
        var thrown = await Assert.ThrowsAsync<RpcException>(() => CallAsync(failure));

        Assert.Equal(StatusCode.Unavailable, thrown.StatusCode);
    }

    [Fact]
    public async Task ABug_OrAClientError_IsLeftAsItIs()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => CallAsync(new InvalidOperationException("a bug")));
        await Assert.ThrowsAsync<RequestFailedException>(() => CallAsync(new RequestFailedException(409, "conflict")));
    }

    private static Task<string> CallAsync(Exception failure) =>
        new StorageFailureInterceptor().UnaryServerHandler<string, string>("request", null!, (_, _) => Task.FromException<string>(failure));
}
