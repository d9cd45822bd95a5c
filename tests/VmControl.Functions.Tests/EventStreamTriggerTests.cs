using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Application;
using VmControl.Application.Events;
using VmControl.Application.Model;
using VmControl.Application.Tasks;
using VmControl.Events.Stream;
using VmControl.Functions.Http;
using VmControl.Http;
using VmControl.Testing;
using VmControl.Testing.Fakes;

namespace VmControl.Functions.Tests;

/// <summary>
/// The Functions trigger of <c>GET /api/events/stream</c>, called as the worker's ASP.NET Core integration calls it:
/// its result writes the events the hub is told of to the response as they come, and ends when the request does.
/// </summary>
public sealed class EventStreamTriggerTests
{
    [Fact]
    public async Task StreamEvents_ThroughTheTrigger_StreamsPublishedEvents_UntilTheRequestEnds()
    {
        await using var provider = Services();
        var pipe = new Pipe();
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestServices = provider, RequestAborted = aborted.Token };
        context.Request.Method = "GET";
        context.Request.Path = "/api/events/stream";
        context.Request.Headers[TestKeys.Header] = TestKeys.Reader;
        context.Response.Body = pipe.Writer.AsStream();
        var functions = new EventStreamFunctions(provider.GetRequiredService<VmControlApi>());

        var result = Assert.IsType<ApiResult>(await functions.StreamEvents(context.Request, CancellationToken.None));
        var writing = result.ExecuteResultAsync(new ActionContext { HttpContext = context });
        using var reader = new StreamReader(pipe.Reader.AsStream());
        using var timeout = TestTimeout.Start(30);
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));
        var e = new VmEvent(EventIds.New(DateTimeOffset.UtcNow, 0), EventTypes.VmCreated, "vms/vm-0123456789abcdef", "default", DateTimeOffset.UtcNow, "{}");
        provider.GetRequiredService<EventStreamHub>().Published(e);

        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("id: ", StringComparison.Ordinal));

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("text/event-stream", context.Response.ContentType);
        Assert.Equal("id: " + e.Id, line);
        Assert.Equal("event: " + e.Type, await reader.ReadLineAsync(timeout.Token));

        await aborted.CancelAsync();
        await writing.WaitAsync(timeout.Token);
        Assert.Equal(0, provider.GetRequiredService<EventStreamHub>().Count);
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(TestKeys.Settings()).Build());
        services.AddVmControlApplication();
        services.AddVmControlHttp();
        services.AddSingleton<IVmStore>(new FakeVmStore());
        services.AddSingleton<IActionLog>(new FakeActionLog());
        services.AddSingleton<ITaskLauncher>(new FakeTaskLauncher());
        services.AddSingleton<IHypervisorDriver>(new FakeDriver(DriverCapabilities.All));
        services.AddSingleton<IAlertStore, UnreachedAlertStore>();
        services.AddSingleton<IIdempotencyStore, UnreachedIdempotencyStore>();
        return services.BuildServiceProvider();
    }

    // The stream reads neither alerts nor idempotency records; these only satisfy the API's constructor.
    private sealed class UnreachedAlertStore : IAlertStore
    {
        public Task<(AlertRecord Alert, bool Opened)> OpenOrBumpAsync(AlertRecord observation, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AlertRecord?> GetActiveAsync(string vmId, AlertKind kind, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AlertRecord?> AcknowledgeAsync(string alertId, string? note, string by, DateTimeOffset at, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> ResolveAsync(string vmId, AlertKind kind, DateTimeOffset at, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<Page<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class UnreachedIdempotencyStore : IIdempotencyStore
    {
        public Task<IdempotencyRecord?> GetAsync(string scope, string key, DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<int> SweepExpiredAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
