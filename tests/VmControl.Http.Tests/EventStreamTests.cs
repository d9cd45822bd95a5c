using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Application.Events;
using VmControl.Events.Stream;

namespace VmControl.Http.Tests;

/// <summary>
/// <c>GET /api/events/stream</c> in memory: the events the hub is told of (as delivery tells it) arrive as server-sent
/// events, scoped to the caller's project, filtered by type, with keep-alive comments while nothing happens.
/// </summary>
public sealed class EventStreamTests
{
    [Fact]
    public async Task Stream_WhenAnEventIsPublished_WritesItAsAServerSentEvent()
    {
        await using var api = await ApiHost.StartAsync();
        using var stream = await OpenAsync(api, TestKeys.Reader, "/api/events/stream");
        var e = Event("default", EventTypes.VmStateChanged);

        Hub(api).Published(e);
        var frame = await stream.NextEventAsync();

        Assert.Equal(["id: " + e.Id, "event: " + e.Type], frame.Take(2));
        Assert.StartsWith("data: ", frame[2], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(frame[2]["data: ".Length..]);
        Assert.Equal(e.Id, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(e.Subject, json.RootElement.GetProperty("subject").GetString());
        Assert.Equal("1.0", json.RootElement.GetProperty("specversion").GetString());
        Assert.Equal("active", json.RootElement.GetProperty("data").GetProperty("after").GetProperty("vmState").GetString());
        Assert.Equal(3, frame.Count);
    }

    [Fact]
    public async Task Stream_Headers_AreAnUncachedEventStream()
    {
        await using var api = await ApiHost.StartAsync();
        using var stream = await OpenAsync(api, TestKeys.Reader, "/api/events/stream");

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", stream.Response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ForACallerOfAnotherProject_ShowsOnlyThatProjectsEvents()
    {
        await using var api = await ApiHost.StartAsync();
        using var other = await OpenAsync(api, TestKeys.OtherProjectOperator, "/api/events/stream");
        using var reader = await OpenAsync(api, TestKeys.Reader, "/api/events/stream");
        var mine = Event("default", EventTypes.VmCreated);
        var theirs = Event(TestKeys.OtherProject, EventTypes.VmCreated);

        Hub(api).Published(mine);
        Hub(api).Published(theirs);

        Assert.Equal("id: " + theirs.Id, (await other.NextEventAsync())[0]);
        Assert.Equal("id: " + mine.Id, (await reader.NextEventAsync())[0]);
    }

    [Fact]
    public async Task Stream_ForAnAdmin_ShowsEveryProject_OrTheOneNamed()
    {
        await using var api = await ApiHost.StartAsync();
        using var all = await OpenAsync(api, TestKeys.Admin, "/api/events/stream");
        using var one = await OpenAsync(api, TestKeys.Admin, "/api/events/stream?project=" + TestKeys.OtherProject);
        var first = Event("default", EventTypes.VmCreated);
        var second = Event(TestKeys.OtherProject, EventTypes.VmCreated);

        Hub(api).Published(first);
        Hub(api).Published(second);

        Assert.Equal("id: " + first.Id, (await all.NextEventAsync())[0]);
        Assert.Equal("id: " + second.Id, (await all.NextEventAsync())[0]);
        Assert.Equal("id: " + second.Id, (await one.NextEventAsync())[0]);
    }

    [Fact]
    public async Task Stream_WithTypes_ShowsOnlyThoseTypes()
    {
        await using var api = await ApiHost.StartAsync();
        using var stream = await OpenAsync(api, TestKeys.Reader, "/api/events/stream?types=vmcontrol.alert.*,vmcontrol.vm.deleted.v1");
        var skipped = Event("default", EventTypes.VmCreated);
        var alert = Event("default", EventTypes.AlertOpened);
        var deleted = Event("default", EventTypes.VmDeleted);

        Hub(api).Published(skipped);
        Hub(api).Published(alert);
        Hub(api).Published(deleted);

        Assert.Equal("id: " + alert.Id, (await stream.NextEventAsync())[0]);
        Assert.Equal("id: " + deleted.Id, (await stream.NextEventAsync())[0]);
    }

    [Theory]
    [InlineData("?types=vmcontrol.*.v1", 400, "invalid_request")]
    [InlineData("?types=a,,b", 400, "invalid_request")]
    [InlineData("?project=no%20spaces", 400, "invalid_request")]
    [InlineData("?project=default&project=x", 400, "invalid_request")]
    [InlineData("?project=team-b", 403, "forbidden")]
    public async Task Stream_WithBadQuery_IsAProblem(string query, int status, string code)
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsAsync(TestKeys.Reader, "GET", "/api/events/stream" + query);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stream_WhileNothingHappens_WritesKeepAliveComments()
    {
        await using var api = await ApiHost.StartAsync();
        using var stream = await OpenAsync(api, TestKeys.Reader, "/api/events/stream");
        using var timeout = TestTimeout.Start(30);

        // The host's clock is a fake: move it on until the stream notices the silence.
        using var stop = new CancellationTokenSource();
        var clock = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                api.Time.Advance(TimeSpan.FromSeconds(15));
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);

        await stream.NextLineAsync(": keep-alive", timeout.Token);
        await stop.CancelAsync();
        await clock;
    }

    [Fact]
    public async Task Stream_WhenTheClientLeaves_LeavesTheHub()
    {
        await using var api = await ApiHost.StartAsync();
        var stream = await OpenAsync(api, TestKeys.Reader, "/api/events/stream");
        Assert.Equal(1, Hub(api).Count);
        using var timeout = TestTimeout.Start(30);

        stream.Dispose();
        while (Hub(api).Count != 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task Stream_WhenTheHostStops_Ends()
    {
        await using var api = await ApiHost.StartAsync();
        using var stream = await OpenAsync(api, TestKeys.Reader, "/api/events/stream");
        using var timeout = TestTimeout.Start(30);

        api.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();

        // The body ends (rather than the host waiting out its shutdown timeout for a client that never leaves).
        await stream.ToEndAsync(timeout.Token);
        Assert.Equal(0, Hub(api).Count);
    }

    private static EventStreamHub Hub(ApiHost api) => api.Services.GetRequiredService<EventStreamHub>();

    private static VmEvent Event(string project, string type)
    {
        var vm = VmIds.New();
        var data = $$$"""{"vmId":"{{{vm}}}","after":{"vmState":"active","taskState":null,"powerState":"running"}}""";
        return new VmEvent(EventIds.New(DateTimeOffset.UtcNow, 0), type, VmEvent.SubjectOf(vm), project, DateTimeOffset.UtcNow, data);
    }

    private static async Task<SseReader> OpenAsync(ApiHost api, string key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TestKeys.Header, key);
        var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));

        // The stream opens with a comment: once it is read, the client is connected to the hub.
        await reader.NextLineAsync(": connected", CancellationToken.None);
        return reader;
    }

    private sealed class SseReader(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public HttpResponseMessage Response => response;

        /// <summary>The lines of the next event (comments skipped), without the blank line that ends it.</summary>
        public async Task<List<string>> NextEventAsync()
        {
            using var timeout = TestTimeout.Start(30);
            var lines = new List<string>();
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
                if (line.Length == 0 && lines.Count > 0)
                {
                    return lines;
                }

                if (line.Length > 0 && !line.StartsWith(':'))
                {
                    lines.Add(line);
                }
            }
        }

        public async Task NextLineAsync(string expected, CancellationToken cancellationToken)
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line == expected)
                {
                    return;
                }
            }

            throw new InvalidOperationException($"The stream ended before '{expected}'.");
        }

        public async Task ToEndAsync(CancellationToken cancellationToken)
        {
            while (await reader.ReadLineAsync(cancellationToken) is not null)
            {
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
