using System.Collections.Concurrent;

namespace VmControl.Console.Tests;

/// <summary>
/// Where the API needs a key (Azure: x-functions-key), the console asks once and keeps it for the browser session.
/// The local host needs none, so this test answers 401 for requests without the key in front of it (in the browser).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FunctionKeyTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    private const string Key = "test-function-key";

    [Fact]
    public async Task Unauthorized_AsksForTheKeyOnce_AndSendsItFromThenOn()
    {
        var refused = new ConcurrentBag<string>();
        var page = await OpenAsync("#/alerts", p => p.RouteAsync("**/api/**", async route =>
        {
            if (route.Request.Headers.TryGetValue("x-functions-key", out var key) && key == Key)
            {
                await route.ContinueAsync();
            }
            else
            {
                refused.Add(route.Request.Url);
                await route.FulfillAsync(new RouteFulfillOptions { Status = 401 });
            }
        }));

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "API key" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Function key").FillAsync(Key);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("table.alerts tbody tr")).Not.ToHaveCountAsync(0);
        Assert.Equal(Key, await page.EvaluateAsync<string>("() => sessionStorage.getItem('vmcontrol.functionsKey')"));

        // Later views use the kept key: no second dialog.
        var refusedBefore = refused.Count;
        await page.GetByRole(AriaRole.Link, new() { Name = "Fleet", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.grid tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(refusedBefore, refused.Count);
    }
}
