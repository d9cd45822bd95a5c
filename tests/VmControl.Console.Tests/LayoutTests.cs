namespace VmControl.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class LayoutTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task At800Pixels_NoViewOverflowsThePage_AndTheIdColumnIsHidden()
    {
        var id = await Api.CreateActiveVmAsync(UniqueName("narrow"), Image, Timeout);
        var page = await OpenAsync("#/");
        await page.SetViewportSizeAsync(800, 900);

        foreach (var (hash, table) in new[] { ("#/", "table.fleet"), ("#/alerts?status=any", "table.alerts"), ($"#/vms/{id}", "table.history"), ("#/lifecycle", "table.lifecycle"), ("#/fleet-operations", "table.operations") })
        {
            await page.GotoAsync("/" + hash);
            await Assertions.Expect(page.Locator(table)).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(table + " tbody tr").First).ToBeVisibleAsync();
            var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(pageWidth <= 800, $"{hash}: the page is {pageWidth} px wide at an 800 px window.");
        }

        await page.GotoAsync("/#/");
        await Assertions.Expect(page.Locator($"tr[data-vm-id='{id}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-vm-id='{id}'] td.col-id")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("th.col-id")).ToBeHiddenAsync();

        await page.SetViewportSizeAsync(1280, 860);
        await Assertions.Expect(page.Locator("th.col-id")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EveryLoad_FindsItsFiles_TheFaviconToo()
    {
        var missing = new List<string>();
        var page = await OpenAsync("#/", async p =>
        {
            // The event stream is a request that never ends, so the network would never go idle while it is open:
            // here it is refused (the console then polls), and LiveEventsTests covers it.
            await p.RouteAsync("**/api/events/stream", route => route.AbortAsync());
            p.Response += (_, response) =>
            {
                if (response.Status == 404)
                {
                    missing.Add(response.Url);
                }
            };
        });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var icon = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=icon]').href");
        var response = await page.APIRequest.GetAsync(icon);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/svg+xml", response.Headers["content-type"]);
        Assert.Empty(missing);
    }

    [Fact]
    public async Task PowerSyncNow_ShowsAReadableSummary()
    {
        var page = await OpenAsync("#/simulator");
        var sync = page.GetByRole(AriaRole.Form, new() { Name = "Power sync" });
        await sync.GetByRole(AriaRole.Button, new() { Name = "Run power sync now" }).ClickAsync();

        var result = sync.Locator(".msg.ok");
        await Assertions.Expect(result).ToContainTextAsync("Pass done in");
        await Assertions.Expect(result).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Saw \\d+ VM records? and \\d+ machines?"));
        await Assertions.Expect(result).Not.ToContainTextAsync("{");
    }
}
