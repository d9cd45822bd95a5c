namespace VmControl.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class AlertTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task OutOfBandShutdown_BecomesAnAlertAfterTwoSyncPasses_AndCanBeAcknowledged()
    {
        var name = UniqueName("drift");
        var id = await Api.CreateActiveVmAsync(name, Image, Timeout);

        // With the simulator panel: the guest shuts down by itself, then two power-sync passes see it.
        var page = await OpenAsync($"#/simulator?vmId={id}");
        var power = page.GetByRole(AriaRole.Form, new() { Name = "Out-of-band power change" });
        await power.GetByLabel("Power state").SelectOptionAsync("shutdown");
        await power.GetByRole(AriaRole.Button, new() { Name = "Change power" }).ClickAsync();
        await Assertions.Expect(power.Locator(".msg.ok")).ToContainTextAsync("shutdown");

        var sync = page.GetByRole(AriaRole.Form, new() { Name = "Power sync" });
        for (var pass = 1; pass <= 2; pass++)
        {
            await sync.Locator(".messages").EvaluateAsync("el => el.replaceChildren()");
            await sync.GetByRole(AriaRole.Button, new() { Name = "Run power sync now" }).ClickAsync();
            await Assertions.Expect(sync.Locator(".msg.ok")).ToBeVisibleAsync();
        }

        // The banner counts it; the fleet marks the VM's row with a link to the alert.
        await Assertions.Expect(page.Locator("#alert-banner")).ToContainTextAsync("open alert");
        await page.GotoAsync($"/#/?name={name}");
        var marker = page.Locator($"tr[data-vm-id='{id}'] a.mismatch");
        await Assertions.Expect(marker).ToContainTextAsync("power mismatch");
        await marker.ClickAsync();

        // The alerts view names the VM (its id beside), says what to do, and filters by name too.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/alerts\\?vmId={id}"));
        var row = page.Locator("table.alerts tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(id);
        await Assertions.Expect(row).ToContainTextAsync("power_mismatch");
        await Assertions.Expect(row).ToContainTextAsync("shutdown");
        await Assertions.Expect(row).ToContainTextAsync("A stop brings the record in line");
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("open");
        await page.GotoAsync($"/#/alerts?name={name}");
        await Assertions.Expect(page.Locator("table.alerts tbody tr[data-alert-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge…" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Acknowledge alert" });
        await form.GetByLabel("Note").FillAsync("guest shut down for maintenance");
        await form.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();

        await page.GetByLabel("Status").SelectOptionAsync(string.Empty);
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("acknowledged");
        await Assertions.Expect(row).ToContainTextAsync("guest shut down for maintenance");

        // The advice's link does it: the VM's page, its header marked, asking to confirm the stop.
        await row.GetByRole(AriaRole.Link, new() { Name = $"Stop {name}…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        var vm = new VmPage(page);
        await Assertions.Expect(vm.Mismatch).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Dialog, new() { Name = $"Stop {name}?" }).GetByRole(AriaRole.Button, new() { Name = "Yes, stop" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("confirm="));
        await Assertions.Expect(vm.VmState).ToHaveTextAsync("stopped");

        // The next pass finds power and record in line and resolves the alert: the marker goes.
        await Api.PowerSyncAsync(Timeout);
        await Assertions.Expect(vm.Mismatch).ToBeHiddenAsync();
    }
}
