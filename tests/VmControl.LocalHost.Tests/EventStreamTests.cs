using System.Text.Json;

namespace VmControl.LocalHost.Tests;

/// <summary>
/// The event stream on the real LocalHost: a VM created and stopped through the API shows in an open stream as its
/// events, in write order. Needs a delivery dispatcher that tells every IEventObserver of each event (issue 17): without
/// one the stream stays open and carries only keep-alives.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class EventStreamTests(LocalHostFixture fixture)
{
    [Fact]
    public async Task Stream_CarriesAVmsEvents_InWriteOrder()
    {
        using var timeout = TestTimeout.Start(120);
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events/stream?types=vmcontrol.vm.*");
        request.Headers.Add(TestKeys.Header, TestKeys.Admin);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        var id = await fixture.Api.CreateActiveVmAsync(timeout.Token);
        await fixture.Api.StartActionAsync(id, new { action = "stop" }, timeout.Token);
        await fixture.Api.WaitVmStateAsync(id, "stopped", timeout.Token);

        // Until the VM's stop shows: the created event first, then state changes, ids rising.
        var seen = new List<(string Id, string Type, JsonElement Data)>();
        while (!seen.Any(e => e.Data.GetProperty("after").GetProperty("vmState").GetString() == "stopped"))
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(line["data: ".Length..]);
                var root = json.RootElement;
                if (root.GetProperty("subject").GetString() == "vms/" + id)
                {
                    seen.Add((root.GetProperty("id").GetString()!, root.GetProperty("type").GetString()!, root.GetProperty("data").Clone()));
                }
            }
        }

        Assert.Equal("vmcontrol.vm.created.v1", seen[0].Type);
        Assert.Contains(seen, e => e.Type == "vmcontrol.vm.state_changed.v1");
        Assert.Equal(seen.Select(e => e.Id).Order(StringComparer.Ordinal), seen.Select(e => e.Id));
    }
}
