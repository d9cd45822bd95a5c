using System.Text.Json;
using System.Text.RegularExpressions;

namespace VmControl.Console.Tests;

/// <summary>Issue 18 in the console: the fleet's tag filter, selection and fleet action panel, an operation's page, and a VM's tags.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FleetOperationTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task TagFilter_FleetStopOnTheFilter_TheOperationPageReachesSucceededWithItsCounts()
    {
        var tag = "ct=" + Guid.NewGuid().ToString("N")[..8];
        var tagged = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => CreateActiveAsync(UniqueName("tagged"), tag)));
        var other = await CreateActiveAsync(UniqueName("untagged"), null);

        var page = await OpenAsync("#/");
        var rows = page.Locator("table.grid tbody tr[data-vm-id]");
        await page.GetByLabel("Has all tags").FillAsync(tag);
        await page.GetByLabel("Has all tags").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("tags=" + Regex.Escape(Uri.EscapeDataString(tag))));
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First.Locator($".col-tags li[data-tag='{tag}']")).ToBeVisibleAsync();

        // Ticking the page: the confirmation counts the VMs; Cancel starts nothing.
        await page.GetByLabel("Select all on this page").CheckAsync();
        await Assertions.Expect(page.Locator(".selected-count")).ToHaveTextAsync("2 selected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Act on selected…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Review…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Stop 2 VMs?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // The filter as a selector: the operation resolves it and stops both, in its own page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Act on the current filter…" }).ClickAsync();
        await Assertions.Expect(page.Locator(".fleet-action .target")).ToContainTextAsync("tags " + tag);
        await Fixture.ScreenshotAsync(page, "console-fleet-action.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Review…" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Stop every VM matching the filter?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, stop" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#/fleet-operations/fop-"));
        await Assertions.Expect(page.Locator(".op-status .badge")).ToHaveTextAsync("succeeded");
        await Assertions.Expect(page.Locator(".counts [data-count='total']")).ToHaveTextAsync("2 VMs");
        await Assertions.Expect(page.Locator(".counts [data-count='succeeded']")).ToHaveTextAsync("succeeded 2");
        await Assertions.Expect(page.Locator(".counts [data-count='failed']")).ToHaveTextAsync("failed 0");
        await Assertions.Expect(page.Locator("table.results tr[data-status='succeeded']")).ToHaveCountAsync(2);
        foreach (var id in tagged)
        {
            await Assertions.Expect(page.Locator($"table.results tr[data-vm-id='{id}']")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator(".tier progress").First).ToHaveAttributeAsync("value", "2");
        await Assertions.Expect(page.Locator("#cancel-operation")).ToBeHiddenAsync();
        await Fixture.ScreenshotAsync(page, "console-fleet-operation.png");
        foreach (var id in tagged)
        {
            Assert.Equal("stopped", (await Api.GetVmAsync(id, Timeout)).Str("vmState"));
        }

        Assert.Equal("active", (await Api.GetVmAsync(other, Timeout)).Str("vmState"));

        // The list names it, newest first.
        var operationId = Regex.Match(page.Url, "fop-[0-9a-z]+").Value;
        await page.GetByRole(AriaRole.Link, new() { Name = "← Fleet operations" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.operations tbody tr").First).ToHaveAttributeAsync("data-operation-id", operationId);
    }

    [Fact]
    public async Task VmPage_AddsAndRemovesTags_AndAReaderSeesThemWithoutControls()
    {
        var id = await CreateActiveAsync(UniqueName("tags"), "old");
        var page = await OpenAsync($"#/vms/{id}");
        var chip = (string tag) => page.Locator($".tag-editor li[data-tag='{tag}']");
        await Assertions.Expect(chip("old")).ToBeVisibleAsync();

        await page.GetByLabel("New tag").FillAsync("env=dev");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Assertions.Expect(chip("env=dev")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove tag old" }).ClickAsync();
        await Assertions.Expect(chip("old")).ToHaveCountAsync(0);
        Assert.Equal(["env=dev"], await TagsAsync(id));

        // A tag the API refuses shows its problem, and nothing changes.
        await page.GetByLabel("New tag").FillAsync("a,b");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Assertions.Expect(page.Locator(".tag-messages [role='alert'] [data-fact='code']")).ToHaveTextAsync("invalid_request");
        Assert.Equal(["env=dev"], await TagsAsync(id));
        await Fixture.ScreenshotAsync(page, "console-vm-tags.png");

        var reader = await OpenAsync($"#/vms/{id}", apiKey: TestKeys.Reader);
        await Assertions.Expect(reader.Locator(".tag-editor li[data-tag='env=dev']")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("#who")).ToContainTextAsync("reader");
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Add tag" })).ToBeHiddenAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Remove tag env=dev" })).ToBeHiddenAsync();
    }

    private async Task<string> CreateActiveAsync(string name, string? tag)
    {
        var tags = new Dictionary<string, string>();
        if (tag is not null)
        {
            var (key, value) = tag.Split('=', 2) is [var k, var v] ? (k, v) : (tag, string.Empty);
            tags[key] = value;
        }

        var created = await Api.PostAsync("/api/vms", JsonSerializer.Serialize(new { name, size = "small", image = Image, tags }), Timeout);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, created.Status);
        var id = created.Json.Str("id")!;
        Assert.Equal("active", (await Api.WaitIdleAsync(id, Timeout)).Str("vmState"));
        return id;
    }

    private async Task<string[]> TagsAsync(string id) =>
        [.. (await Api.GetAsync($"/api/vms/{id}/tags", Timeout)).Json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];
}
