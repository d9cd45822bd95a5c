using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using VmControl.Testing.Fakes;

namespace VmControl.Application.Tests.Seams;

/// <summary>
/// A request refused by the task lock reaches nothing behind it: no hypervisor call, no orchestration, no VM write.
/// Mocks at the three ports, because "never called" is the whole claim and no fake says it better.
/// </summary>
public sealed class RefusedClaimTests
{
    private readonly Mock<IVmStore> store = new();
    private readonly Mock<IHypervisorDriver> driver = new();
    private readonly Mock<ITaskLauncher> launcher = new();

    public RefusedClaimTests()
    {
        driver.SetupGet(d => d.Name).Returns("mock");
        driver.SetupGet(d => d.Capabilities).Returns(DriverCapabilities.All);
    }

    [Theory]
    [InlineData(VmAction.Stop, TaskState.PoweringOff)]
    [InlineData(VmAction.Reboot, TaskState.ResizeMigrating)]
    [InlineData(VmAction.Start, TaskState.Deleting)]
    public async Task RequestAction_OnAVmWithATaskInFlight_IsRefused_AndNeverReachesDriverEngineOrAVmWrite(VmAction action, TaskState inFlight)
    {
        var vm = Vm(VmState.Active, inFlight);
        store.Setup(s => s.GetAsync(vm.Id, It.IsAny<CancellationToken>())).ReturnsAsync(vm);

        var result = await Commands().RequestAsync(new ActionRequest(vm.Id, action));

        Assert.IsType<CommandResult.Refused>(result);
        driver.Verify(d => d.BeginAsync(It.IsAny<HypervisorCommand>(), It.IsAny<CancellationToken>()), Times.Never);
        driver.Verify(d => d.PollAsync(It.IsAny<HypervisorOperation>(), It.IsAny<CancellationToken>()), Times.Never);
        launcher.Verify(l => l.TryStartAsync(It.IsAny<VmTaskInput>(), It.IsAny<CancellationToken>()), Times.Never);
        launcher.Verify(l => l.TerminateAndWaitAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
        store.Verify(s => s.TryReplaceAsync(It.IsAny<VmRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    // The real use cases over the three mocked ports, wired as the hosts wire them.
    private RequestAction Commands() => new ServiceCollection()
        .AddSingleton(store.Object)
        .AddSingleton<IActionLog>(new FakeActionLog())
        .AddSingleton(launcher.Object)
        .AddSingleton(driver.Object)
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddVmControlApplication()
        .BuildServiceProvider()
        .GetRequiredService<RequestAction>();

    private static VmRecord Vm(VmState vmState, TaskState? taskState) => new()
    {
        Id = VmIds.New(),
        Name = "web-1",
        Size = "small",
        Image = "ubuntu",
        VmState = vmState,
        TaskState = taskState,
        PowerState = PowerState.Running,
        Driver = "mock",
        CurrentActionId = taskState is null ? null : ActionIds.New(DateTimeOffset.UnixEpoch),
        ETag = "etag-1",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
