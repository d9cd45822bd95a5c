using VmControl.Application.Ports;
using VmControl.Durable;

namespace VmControl.Functions.Durable;

/// <summary>The application's <see cref="DurableTaskLauncher"/> over the invocation's Durable client (<see cref="DurableClientScope"/>).</summary>
public sealed class FunctionsTaskLauncher : ITaskLauncher
{
    public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default) =>
        Launcher().TryStartAsync(input, cancellationToken);

    public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Launcher().TerminateAndWaitAsync(vmId, reason, timeout, cancellationToken);

    public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) =>
        Launcher().IsRunningAsync(vmId, cancellationToken);

    // A function that starts tasks without binding [DurableClient] is a wiring bug; the API answers it as a 503.
    private static DurableTaskLauncher Launcher() =>
        DurableClientScope.Current is { } client
            ? new DurableTaskLauncher(client)
            : throw new StoreUnavailableException("No Durable client is bound to this function invocation.");
}
