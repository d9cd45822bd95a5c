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

    [Fact]
    public async Task Summary_Search_Sort_AndHardDeletedHiddenUnlessAsked()
    {
        var prefix = UniqueName("fleet");
        var b = await Api.CreateVmAsync(prefix + "-b", Image, Timeout);
        var a = await Api.CreateVmAsync(prefix + "-a", Image, Timeout);
        var gone = await Api.CreateVmAsync(prefix + "-c", Image, Timeout);
        await Api.WaitIdleAsync(gone, Timeout);
        var delete = await Api.SendAsync(HttpMethod.Delete, $"/api/vms/{gone}", null, null, Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, delete.Status);

        await Api.WaitVmStateAsync(gone, "hard_deleted", Timeout);
        await Api.WaitIdleAsync(a, Timeout);
        await Api.WaitIdleAsync(b, Timeout);

        var page = await OpenAsync("#/");
        var rows = page.Locator("table.grid tbody tr[data-vm-id]");

        // Search by name (the API's name prefix): the two live VMs, in name order; the hard-deleted one is left out.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(prefix);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("name=" + prefix));
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-vm-id", a);
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-vm-id", b);
        await Assertions.Expect(page.Locator($"tr[data-vm-id='{gone}']")).ToHaveCountAsync(0);

        // Sort by name descending, then by Id: the header says which way.
        var nameHeader = page.Locator("th.col-name");
        await nameHeader.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(nameHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-vm-id", b);
        await page.Locator("th.col-id").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("th.col-id")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-vm-id", string.CompareOrdinal(a, b) < 0 ? a : b);

        await page.GetByLabel("Show hard-deleted").CheckAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator($"tr[data-vm-id='{gone}'] .badge.vm")).ToHaveTextAsync("hard_deleted");

        // The summary counts the whole fleet: its total is what the API lists, hard-deleted included.
        var total = 0;
        string? token = null;
        do
        {
            var listed = await Api.GetAsync("/api/vms?limit=1000" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)), Timeout);
            total += listed.Json.GetProperty("items").GetArrayLength();
            token = listed.Json.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#fleet-summary [data-count='total']")).ToHaveTextAsync($"{total} VMs");
        await Assertions.Expect(page.Locator("#fleet-summary [data-count='hard_deleted']")).ToContainTextAsync("hard_deleted");
        await Assertions.Expect(page.Locator("#fleet-summary [data-count='busy']")).ToContainTextAsync("busy");
        await Assertions.Expect(page.Locator("#fleet-summary [data-count='alerted']")).ToContainTextAsync("with open alerts");
    }
}
