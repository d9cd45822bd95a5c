using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace VmControl.Functions.Tests.Fakes;

/// <summary>A server that says it listens on loopback only, as the Functions worker does behind its host.</summary>
internal sealed class LoopbackServer : IServer
{
    public LoopbackServer()
    {
        var addresses = new ServerAddressesFeature();
        addresses.Addresses.Add("http://127.0.0.1:7071");
        Features.Set<IServerAddressesFeature>(addresses);
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
