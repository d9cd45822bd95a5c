namespace VmControl.LocalHost.Tests.Support;

/// <summary>One LocalHost process with a fresh identity, shared by the test classes of <see cref="LocalHostCollection"/>.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim sharedVmGate = new(1, 1);
    private LocalHostProcess? host;
    private ApiClient? api;
    private string? sharedVmId;

    public LocalHostIdentity Identity { get; } = LocalHostIdentity.New();

    public ApiClient Api => api ?? throw new InvalidOperationException("The fixture has not started.");

    public LocalHostProcess Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>An active VM for tests that only need some VM id to exist (bad inputs); created once.</summary>
    public async Task<string> SharedVmIdAsync(CancellationToken cancellationToken)
    {
        await sharedVmGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return sharedVmId ??= await Api.CreateActiveVmAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sharedVmGate.Release();
        }
    }

    /// <summary>
    /// For a test's <c>finally</c>: releases the holds the test added and sets the simulator's latency and failure rate
    /// back to 0, so the next test on this shared host never inherits them.
    /// </summary>
    public async Task ResetSimulatorAsync()
    {
        // Its own bound: it must run even when the test's token has fired.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Api.ResetSimulatorAsync(timeout.Token).ConfigureAwait(false);
    }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        host = await LocalHostProcess.StartAsync(Identity, timeout.Token).ConfigureAwait(false);
        api = new ApiClient(host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        api?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await AzuriteCleanup.DeleteAsync(Identity, timeout.Token).ConfigureAwait(false);

        sharedVmGate.Dispose();
    }
}
