namespace VmControl.Console.Tests;

/// <summary>
/// The console signs in with an API key (docs/security.md): it asks once when the API answers 401, keeps the key for
/// the browser session, shows who is signed in, and hides what the role may not do.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApiKeyTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task Unauthorized_AsksForTheKeyOnce_AndSendsItFromThenOn()
    {
        var page = await OpenAsync("#/alerts", apiKey: null);

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "API key" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("API key").FillAsync(TestKeys.Admin);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("test-admin · admin");
        Assert.Equal(TestKeys.Admin, await page.EvaluateAsync<string>("() => sessionStorage.getItem('vmcontrol.apiKey')"));

        // Later views use the kept key: no second dialog.
        await page.GetByRole(AriaRole.Link, new() { Name = "Fleet", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.grid")).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task KeyInTheAddress_IsKept_AndRemovedFromTheAddressBar()
    {
        var page = await OpenAsync($"?key={TestKeys.Operator}#/", apiKey: null);

        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("test-operator · operator · project default");
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "API key" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Reader_SeesNoCreateLinkAndNoSimulator_OperatorSeesCreateButNoSimulator()
    {
        var reader = await OpenAsync("#/", apiKey: TestKeys.Reader);
        await Assertions.Expect(reader.Locator("#who")).ToContainTextAsync("reader");
        await Assertions.Expect(reader.Locator("nav a[data-nav=create]")).ToBeHiddenAsync();
        await Assertions.Expect(reader.Locator("#nav-simulator")).ToBeHiddenAsync();

        var operatorPage = await OpenAsync("#/", apiKey: TestKeys.Operator);
        await Assertions.Expect(operatorPage.Locator("#who")).ToContainTextAsync("operator");
        await Assertions.Expect(operatorPage.Locator("nav a[data-nav=create]")).ToBeVisibleAsync();
        await Assertions.Expect(operatorPage.Locator("#nav-simulator")).ToBeHiddenAsync();

        var admin = await OpenAsync("#/", apiKey: TestKeys.Admin);
        await Assertions.Expect(admin.Locator("#nav-simulator")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task VmPage_ReaderSeesNoActions_OperatorNoResetState_AdminBoth()
    {
        var vmId = await Api.CreateActiveVmAsync(CancellationToken.None);

        var reader = await OpenAsync("#/vms/" + vmId, apiKey: TestKeys.Reader);
        await Assertions.Expect(reader.Locator("#who")).ToContainTextAsync("reader");
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Details" })).ToBeVisibleAsync();
        // The buttons are rendered (the page knows the lifecycle) but not shown to a reader.
        await Assertions.Expect(reader.Locator("button[data-action=stop]")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator("button[data-action=stop]")).ToBeHiddenAsync();
        await Assertions.Expect(reader.Locator("details.admin")).ToBeHiddenAsync();

        var operatorPage = await OpenAsync("#/vms/" + vmId, apiKey: TestKeys.Operator);
        await Assertions.Expect(operatorPage.Locator("button[data-action=stop]")).ToBeVisibleAsync();
        await Assertions.Expect(operatorPage.Locator("details.admin")).ToBeHiddenAsync();

        var admin = await OpenAsync("#/vms/" + vmId, apiKey: TestKeys.Admin);
        await Assertions.Expect(admin.Locator("button[data-action=stop]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("details.admin")).ToBeVisibleAsync();
    }
}
