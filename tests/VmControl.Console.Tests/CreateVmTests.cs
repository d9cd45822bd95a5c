namespace VmControl.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class CreateVmTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task LocalHost_ServesTheConsoleAtTheRoot_WithItsContentSecurityPolicy()
    {
        var page = await OpenAsync(string.Empty);
        var response = await page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("default-src 'self'", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Views" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CreateForm_ShowsTheProblemNextToTheField_ThenTheVmBecomesActive()
    {
        var page = await OpenAsync("#/create");
        await page.GetByLabel("Name").FillAsync(" not a valid name: it starts with a space");
        await page.GetByLabel("Size").FillAsync("small");
        await page.GetByLabel("Image").FillAsync("debian-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create VM" }).ClickAsync();

        // The API's 400 names the field; the console puts its detail next to that field.
        await Assertions.Expect(page.Locator("[data-error-for='name']")).ToContainTextAsync("name must be");
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");

        var name = UniqueName("web");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create VM" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/vms/vm-[0-9a-f]{16}$"));
        var vm = new VmPage(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(vm.VmState).ToHaveTextAsync("active");
        await Assertions.Expect(vm.PowerState).ToHaveTextAsync("running");
        await Assertions.Expect(vm.TaskState).ToHaveTextAsync("idle");
        await Assertions.Expect(vm.History("create", "succeeded")).ToHaveCountAsync(1);

        // The fleet lists it, found through the vm_state filter.
        await page.GetByRole(AriaRole.Link, new() { Name = "Fleet", Exact = true }).ClickAsync();
        await page.GetByLabel("vm_state", new() { Exact = true }).SelectOptionAsync("active");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("vmState=active"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
    }
}
