using VmControl.Console.Tests.Support;

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
        var stopped = await Api.CreateActiveVmAsync(UniqueName("db"), Timeout);
        await Api.RequestActionAsync(stopped, new { action = "stop" }, Timeout);
        var drifted = await Api.CreateActiveVmAsync(UniqueName("cache"), Timeout);
        var busyName = UniqueName("app");
        var busy = await Api.CreateActiveVmAsync(busyName, Timeout);
        await Api.WaitForVmStateAsync(stopped, "stopped", Timeout);
        try
        {
            await Api.SetLatencyAsync(120_000, Timeout);
            await Api.RequestActionAsync(busy, new { action = "reboot", type = "soft" }, Timeout);

            var page = await OpenAsync("#/");
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

            // An out-of-band shutdown seen by two power-sync passes (once power sync is there) fills the alerts view.
            await Api.SetPowerStateAsync(drifted, "shutdown", Timeout);
            if (await Api.PowerSyncAsync(Timeout) && await Api.PowerSyncAsync(Timeout))
            {
                await page.GotoAsync("/#/alerts");
                await Assertions.Expect(page.Locator("table.alerts tbody tr[data-status='open']")).Not.ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("#alert-banner")).ToContainTextAsync("open alert");
            }
            else
            {
                await page.GotoAsync("/#/alerts");
                await Assertions.Expect(page.Locator("table.alerts tbody")).ToContainTextAsync("No alert matches");
            }

            await Fixture.ScreenshotAsync(page, "console-alerts.png");

            await page.GotoAsync("/#/lifecycle");
            await Assertions.Expect(page.Locator("svg.diagram")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("table.lifecycle tbody tr")).ToHaveCountAsync(21);
            await Fixture.ScreenshotAsync(page, "console-lifecycle.png");
        }
        finally
        {
            await Api.SetLatencyAsync(0, CleanupTimeout);
        }
    }
}
