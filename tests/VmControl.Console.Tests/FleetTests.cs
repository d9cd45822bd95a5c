namespace VmControl.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class FleetTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task Paging_FollowsTheContinuationToken_AndLiveUpdatesKeepThePage()
    {
        await Task.WhenAll(Enumerable.Range(0, 11).Select(i => Api.CreateVmAsync(UniqueName("page"), Image, Timeout)));
        var page = await OpenAsync("#/?limit=10");
        var rows = page.Locator("table.grid tbody tr[data-vm-id]");
        var pageNo = page.Locator(".pager .page-no");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        await Assertions.Expect(pageNo).ToHaveTextAsync("Page 1");
        var first = await rows.First.GetAttributeAsync("data-vm-id");

        await page.GetByRole(AriaRole.Button, new() { Name = "Next →" }).ClickAsync();
        await Assertions.Expect(pageNo).ToHaveTextAsync("Page 2");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("limit=10&page="));
        await Assertions.Expect(rows.First).Not.ToHaveAttributeAsync("data-vm-id", first!);

        // Two more live refreshes of the same page: the operator stays on page 2.
        for (var i = 0; i < 2; i++)
        {
            await page.WaitForResponseAsync(r => r.Url.Contains("/api/vms?", StringComparison.Ordinal) && r.Url.Contains("continuationToken=", StringComparison.Ordinal));
        }

        await Assertions.Expect(pageNo).ToHaveTextAsync("Page 2");
        await Assertions.Expect(rows.First).Not.ToHaveAttributeAsync("data-vm-id", first!);

        // A VM of page 2 and back: the VM view's "← Fleet" returns to the same page.
        var second = await rows.First.GetAttributeAsync("data-vm-id");
        await rows.First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/vms/" + second));
        await page.GetByRole(AriaRole.Link, new() { Name = "← Fleet" }).ClickAsync();
        await Assertions.Expect(pageNo).ToHaveTextAsync("Page 2");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-vm-id", second!);

        await page.GetByRole(AriaRole.Button, new() { Name = "← Previous" }).ClickAsync();
        await Assertions.Expect(pageNo).ToHaveTextAsync("Page 1");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-vm-id", first!);
    }
}
