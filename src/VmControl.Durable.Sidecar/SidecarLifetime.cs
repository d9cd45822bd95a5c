using Microsoft.Extensions.Hosting;
namespace VmControl.Durable.Sidecar;

/// <summary>
/// The sidecar's host lifetime: it does not listen for Ctrl+C itself. With the default console lifetime the sidecar
/// took the signal too and stopped under the running API, which then never shut down; the API's host owns the
/// process lifetime and disposes the sidecar after it has stopped.
/// </summary>
internal sealed class SidecarLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
