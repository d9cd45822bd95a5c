namespace VmControl.Console.Tests;

/// <summary>
/// The fleet and VM views with a few VMs in different states and one task in flight, captured as PNGs
/// (docs/images/ when VMCONTROL_SCREENSHOTS=docs/images; the alerts view is captured by <see cref="AlertTests"/>).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ScreenshotTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task FleetAndVmViews_AreCaptured()
    {
        var stopped = await Api.CreateActiveVmAsync(UniqueName("db"), Image, Timeout);
        await Api.StartActionAsync(stopped, new { action = "stop" }, Timeout);
        var drifted = await Api.CreateActiveVmAsync(UniqueName("cache"), Image, Timeout);
        var busyName = UniqueName("app");
        var busy = await Api.CreateActiveVmAsync(busyName, Image, Timeout);
        await Api.WaitVmStateAsync(stopped, "stopped", Timeout);
        try
        {
            // The reboot stays on the hypervisor until the hold is released (in finally), however long the screenshots take.
            await Api.HoldAsync(busy, "reboot", Timeout);
            await Api.StartActionAsync(busy, new { action = "reboot", type = "soft" }, Timeout);

            // An out-of-band shutdown seen by two power-sync passes: an alert, and a marker on the fleet (a pass that does not run fails here).
            await Api.SetSimulatorPowerStateAsync(drifted, "shutdown", Timeout);
            await Api.PowerSyncAsync(Timeout);
            await Api.PowerSyncAsync(Timeout);

            var page = await OpenAsync("#/");
            await Assertions.Expect(page.Locator($"tr[data-vm-id='{drifted}'] a.mismatch")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#fleet-summary [data-count='total']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("tr[aria-busy='true'] .badge.task")).Not.ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = busyName }) }).Locator(".badge.task"))
                .ToHaveTextAsync("rebooting");
            await Fixture.ScreenshotAsync(page, "console-fleet.png");

            await page.GetByRole(AriaRole.Link, new() { Name = busyName }).ClickAsync();
            var vm = new VmPage(page);
            await Assertions.Expect(vm.TaskState).ToHaveTextAsync("rebooting");
            await Assertions.Expect(vm.CurrentTask.Locator(".steps")).ToContainTextAsync("hypervisor.begin");
            await vm.Action("reboot").HoverAsync();
            await Fixture.ScreenshotAsync(page, "console-vm.png");

            await page.GotoAsync($"/#/alerts?vmId={drifted}");
            await Assertions.Expect(page.Locator("table.alerts tbody tr[data-status='open']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#alert-banner")).ToContainTextAsync("open alert");
            await page.GotoAsync("/#/alerts");
            await Assertions.Expect(page.Locator("table.alerts tbody tr[data-status='open']")).Not.ToHaveCountAsync(0);

            await Fixture.ScreenshotAsync(page, "console-alerts.png");

            await page.GotoAsync("/#/lifecycle");
            await Assertions.Expect(page.Locator("svg.diagram")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("table.lifecycle tbody tr")).ToHaveCountAsync(21);
            await Fixture.ScreenshotAsync(page, "console-lifecycle.png");
        }
        finally
        {
            await Api.ResetSimulatorAsync(CleanupTimeout);
        }
    }
}
