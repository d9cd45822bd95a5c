using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace VmControl.Durable.Sidecar;

/// <summary>
/// The Durable Task engine without the Functions host: the gRPC sidecar <see cref="TaskHubGrpcServer"/> over the
/// Azure Storage provider (the same provider as production, so orchestrations survive a restart), on its own
/// loopback HTTP/2-only port. The worker and client of the host connect to it through <see cref="Channel"/>.
/// </summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    private readonly WebApplication host;

    private DurableSidecar(WebApplication host, AzureStorageOrchestrationService service, Uri address)
    {
        this.host = host;
        Service = service;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public AzureStorageOrchestrationService Service { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public static async Task<DurableSidecar> StartAsync(DurableEngineOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            WorkerId = options.WorkerId,

            // Without it the provider silently drops a duplicate start instead of refusing it (the Functions host sets it too).
            ThrowExceptionOnInvalidDedupeStatus = true,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            PartitionCount = options.PartitionCount,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = loggerFactory,
        });
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);

        var port = options.SidecarPort == 0 ? FreePort() : options.SidecarPort;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, SidecarLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.Interceptors.Add<StorageFailureInterceptor>());
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new DurableSidecar(app, service, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await host.StopAsync().ConfigureAwait(false);
        await host.DisposeAsync().ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
