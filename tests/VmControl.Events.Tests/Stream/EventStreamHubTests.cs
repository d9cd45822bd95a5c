using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VmControl.Events.Stream;

namespace VmControl.Events.Tests.Stream;

/// <summary>The stream's fan-out without any HTTP: filters, order, the bounded buffer and dropping a slow client.</summary>
public sealed class EventStreamHubTests
{
    private static readonly Uri Source = new("urn:vmcontrol:test");

    [Fact]
    public void Published_ToEveryMatchingClient_InOrder_AsCloudEventJson()
    {
        var hub = Hub();
        using var a = hub.Connect(EventStreamFilter.Everything);
        using var b = hub.Connect(EventStreamFilter.Everything);
        var first = Event("vm-0000000000000001", EventTypes.VmCreated);
        var second = Event("vm-0000000000000001", EventTypes.VmStateChanged);

        hub.Published(first);
        hub.Published(second);

        foreach (var client in new[] { a, b })
        {
            Assert.True(client.Events.TryRead(out var one));
            Assert.True(client.Events.TryRead(out var two));
            Assert.Equal([first.Id, second.Id], [one.Event.Id, two.Event.Id]);
            using var json = System.Text.Json.JsonDocument.Parse(one.Json);
            Assert.Equal(first.Id, json.RootElement.GetProperty("id").GetString());
            Assert.Equal(Source.ToString(), json.RootElement.GetProperty("source").GetString());
            Assert.Equal("default", json.RootElement.GetProperty("project").GetString());
            Assert.DoesNotContain('\n', one.Json);
        }
    }

    [Theory]
    [InlineData(null, null, "default", "vms/vm-0000000000000001", EventTypes.VmCreated, true)]
    [InlineData("default", null, "default", "vms/vm-0000000000000001", EventTypes.VmCreated, true)]
    [InlineData("team-a", null, "default", "vms/vm-0000000000000001", EventTypes.VmCreated, false)]
    [InlineData("team-a", null, "team-a", "vms/vm-0000000000000001", EventTypes.AlertOpened, true)]
    [InlineData("default", null, "default", "machines/stray-1", EventTypes.AlertOpened, false)]
    [InlineData(null, null, "default", "machines/stray-1", EventTypes.AlertOpened, true)]
    [InlineData(null, "vmcontrol.alert.*", "default", "vms/vm-0000000000000001", EventTypes.AlertResolved, true)]
    [InlineData(null, "vmcontrol.alert.*", "default", "vms/vm-0000000000000001", EventTypes.ActionStarted, false)]
    [InlineData(null, "vmcontrol.vm.created.v1,vmcontrol.vm.deleted.v1", "default", "vms/vm-0000000000000001", EventTypes.VmDeleted, true)]
    [InlineData(null, "vmcontrol.vm.created.v1", "default", "vms/vm-0000000000000001", EventTypes.VmCreated + "x", false)]
    [InlineData(null, "*", "default", "vms/vm-0000000000000001", EventTypes.ActionFailed, true)]
    public void Filter_MatchesByProjectSubjectAndType(string? project, string? types, string eventProject, string subject, string type, bool expected)
    {
        var filter = new EventStreamFilter(project, types?.Split(','));
        var e = new VmEvent("evt-1", type, subject, eventProject, DateTimeOffset.UnixEpoch, "{}");

        Assert.Equal(expected, filter.Matches(e));
    }

    [Fact]
    public void Published_ToAFilteredClient_SkipsWhatItMayNotSee()
    {
        var hub = Hub();
        using var teamA = hub.Connect(new EventStreamFilter("team-a", null));
        hub.Published(Event("vm-0000000000000001", EventTypes.VmCreated, "default"));
        var own = Event("vm-0000000000000002", EventTypes.VmCreated, "team-a");
        hub.Published(own);

        Assert.True(teamA.Events.TryRead(out var only));
        Assert.Equal(own.Id, only.Event.Id);
        Assert.False(teamA.Events.TryRead(out _));
    }

    [Fact]
    public void Published_WhenAClientFallsBehindItsBuffer_DropsThatClientOnly()
    {
        var logs = new ListLogger();
        var hub = Hub(bufferSize: 3, logs);
        using var slow = hub.Connect(EventStreamFilter.Everything);
        using var fast = hub.Connect(EventStreamFilter.Everything);
        var events = Enumerable.Range(0, 10).Select(i => Event("vm-0000000000000001", EventTypes.VmPowerChanged)).ToList();

        for (var i = 0; i < events.Count; i++)
        {
            hub.Published(events[i]);

            // The fast client keeps up: it reads each event as it comes.
            Assert.True(fast.Events.TryRead(out var read));
            Assert.Equal(events[i].Id, read.Event.Id);
        }

        Assert.True(slow.Dropped);
        Assert.False(fast.Dropped);
        Assert.Equal(1, hub.Count);

        // What the slow client had buffered is still readable, in order, and then its stream ends.
        var buffered = new List<string>();
        while (slow.Events.TryRead(out var e))
        {
            buffered.Add(e.Event.Id);
        }

        Assert.Equal(events.Take(3).Select(e => e.Id), buffered);
        Assert.True(slow.Events.Completion.IsCompleted);
        Assert.Contains(logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_LeavesTheHub_AndLaterEventsGoNowhere()
    {
        var hub = Hub();
        var client = hub.Connect(EventStreamFilter.Everything);
        Assert.Equal(1, hub.Count);

        client.Dispose();
        hub.Published(Event("vm-0000000000000001", EventTypes.VmCreated));

        Assert.Equal(0, hub.Count);
        Assert.False(client.Events.TryRead(out _));
        Assert.False(client.Dropped);
    }

    [Fact]
    public void Published_WithNoClients_DoesNotSerialize()
    {
        // Data that is not JSON would throw in CloudEventJson: with nobody connected it is never formatted.
        var logs = new ListLogger();
        var hub = Hub(logs);

        hub.Published(new VmEvent("evt-1", EventTypes.VmCreated, "vms/vm-0000000000000001", "default", DateTimeOffset.UnixEpoch, "not json"));

        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void Published_WhenAnEventCannotBeFormatted_LogsAndDoesNotThrow()
    {
        var logs = new ListLogger();
        var hub = Hub(logger: logs);
        using var client = hub.Connect(EventStreamFilter.Everything);

        hub.Published(new VmEvent("evt-1", EventTypes.VmCreated, "vms/vm-0000000000000001", "default", DateTimeOffset.UnixEpoch, "not json"));

        Assert.Contains(logs.Entries, l => l.Level == LogLevel.Error);
        Assert.False(client.Events.TryRead(out _));
    }

    [Fact]
    public async Task Published_FromManyThreadsWhileClientsComeAndGo_NeverThrowsAndKeepsEachWritersOrder()
    {
        var hub = Hub(bufferSize: 100_000);
        using var watcher = hub.Connect(EventStreamFilter.Everything);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                hub.Published(new VmEvent($"evt-{w}-{i:D6}", EventTypes.VmPowerChanged, $"vms/vm-000000000000000{w}", "default", DateTimeOffset.UnixEpoch, "{}"));
            }
        }));
        var churn = Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                using var passing = hub.Connect(EventStreamFilter.Everything);
            }
        });

        await Task.WhenAll([.. writers, churn]);

        var seen = new List<VmEvent>();
        while (watcher.Events.TryRead(out var e))
        {
            seen.Add(e.Event);
        }

        Assert.Equal(8_000, seen.Count);
        foreach (var subject in seen.GroupBy(e => e.Subject))
        {
            // Each writer's ids count up: the stream kept every writer's order.
            Assert.Equal(subject.Select(e => e.Id).Order(StringComparer.Ordinal), subject.Select(e => e.Id));
        }
    }

    private static EventStreamHub Hub(int bufferSize = 256, ILogger<EventStreamHub>? logger = null) =>
        new(
            Options.Create(new EventStreamSettings { BufferSize = bufferSize }),
            Options.Create(new EventSettings { Source = Source }),
            logger ?? NullLogger<EventStreamHub>.Instance);

    private static EventStreamHub Hub(int bufferSize, ListLogger logger) => Hub(bufferSize, (ILogger<EventStreamHub>)logger);

    private static EventStreamHub Hub(ListLogger logger) => Hub(256, (ILogger<EventStreamHub>)logger);

    private static VmEvent Event(string vmId, string type, string project = "default") =>
        new(EventIds.New(DateTimeOffset.UtcNow, 0), type, VmEvent.SubjectOf(vmId), project, DateTimeOffset.UtcNow, $$"""{"vmId":"{{vmId}}"}""");
}
