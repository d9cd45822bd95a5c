using VmControl.Functions.Durable;

namespace VmControl.Functions.Tests;

public sealed class FunctionsTaskLauncherTests
{
    [Fact]
    public async Task IsRunningAsync_NoDurableClientBound_ThrowsStoreUnavailable()
    {
        // The API answers this as a 503 rather than a 500: a trigger without [DurableClient] is a wiring bug.
        await Assert.ThrowsAsync<StoreUnavailableException>(() => new FunctionsTaskLauncher().IsRunningAsync("vm-0123456789abcdef"));
    }

    [Fact]
    public void DurableClientScope_WithoutUse_HasNoClient()
    {
        Assert.Null(DurableClientScope.Current);
    }
}
