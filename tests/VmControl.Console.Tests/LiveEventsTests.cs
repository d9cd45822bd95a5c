namespace VmControl.Console.Tests;

/// <summary>
/// The console's live updates come from the event stream (GET /api/events/stream, read with fetch and the API key),
/// not from polling: with every poll interval set to ten minutes, changes made through the API still show.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveEventsTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private const string NoPolling = "sessionStorage.setItem('vmcontrol.pollMs', '600000')";

    [Fact]
    public async Task Console_ConnectsToTheEventStream_WithItsApiKey()
    {
        var page = await OpenAsync("#/", p => p.Context.AddInitScriptAsync(NoPolling));

        // 'connected' until the first event, 'live' after: either way the stream answered the console's key.
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-stream", new System.Text.RegularExpressions.Regex("^(connected|live)$"));
    }

    [Fact]
    public async Task VmView_ShowsAStopMadeThroughTheApi_WithoutPolling()
    {
        // Needs a delivery dispatcher that tells IEventObserver of each event (issue 17): the stream carries nothing without one.
        var id = await Api.CreateActiveVmAsync(UniqueName("live"), Image, Timeout);
        var page = await OpenAsync($"#/vms/{id}", p => p.Context.AddInitScriptAsync(NoPolling));
        var vm = new VmPage(page);
        await Assertions.Expect(vm.VmState).ToHaveTextAsync("active");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-stream", new System.Text.RegularExpressions.Regex("^(connected|live)$"));

        await Api.StartActionAsync(id, new { action = "stop" }, Timeout);

        await Assertions.Expect(vm.VmState).ToHaveTextAsync("stopped");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-stream", "live");
    }

    [Fact]
    public async Task Fleet_ShowsAVmCreatedThroughTheApi_WithoutPolling()
    {
        // Needs the dispatcher, as above.
        var name = UniqueName("born");
        var page = await OpenAsync("#/?name=" + name, p => p.Context.AddInitScriptAsync(NoPolling));
        var rows = page.Locator("table.grid tbody tr[data-vm-id]");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-stream", new System.Text.RegularExpressions.Regex("^(connected|live)$"));
        await Assertions.Expect(rows).ToHaveCountAsync(0);

        var id = await Api.CreateVmAsync(name, Image, Timeout);

        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-vm-id", id);
    }
}
