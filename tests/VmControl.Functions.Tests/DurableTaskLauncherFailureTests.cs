using Grpc.Core;
using VmControl.Application.Tasks;
using VmControl.Domain;
using VmControl.Durable;
using VmControl.Functions.Tests.Fakes;

namespace VmControl.Functions.Tests;

/// <summary>
/// The launcher's failures as the API sees them: an engine that does not answer is a storage failure (503, the claim
/// given back); any other failure of the client is not translated, so the API answers it as the bug it is (500).
/// </summary>
public sealed class DurableTaskLauncherFailureTests
{
    private static readonly VmTaskInput Input = new(
        "vm-0123456789abcdef", "ac-1", VmAction.Stop, TaskState.PoweringOff, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch);

    public static TheoryData<string> Unreachable => ["grpc-unavailable", "grpc-deadline", "http"];

    [Theory]
    [MemberData(nameof(Unreachable))]
    public async Task EveryCall_EngineUnreachable_ThrowsStoreUnavailable(string kind)
    {
        var launcher = new DurableTaskLauncher(new FailingDurableTaskClient(() => Failure(kind)));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => launcher.TryStartAsync(Input));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => launcher.IsRunningAsync(Input.VmId));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => launcher.TerminateAndWaitAsync(Input.VmId, "test", TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task TryStart_ClientBug_LeavesTheExceptionAsItIs()
    {
        var launcher = new DurableTaskLauncher(new FailingDurableTaskClient(() => new RpcException(new Status(StatusCode.Internal, "a bug"))));

        var thrown = await Assert.ThrowsAsync<RpcException>(() => launcher.TryStartAsync(Input));

        Assert.Equal(StatusCode.Internal, thrown.StatusCode);
    }

    private static Exception Failure(string kind) => kind switch
    {
        "grpc-unavailable" => new RpcException(new Status(StatusCode.Unavailable, "connection refused")),
        "grpc-deadline" => new RpcException(new Status(StatusCode.DeadlineExceeded, "too slow")),
        _ => new HttpRequestException("connection refused"),
    };
}
