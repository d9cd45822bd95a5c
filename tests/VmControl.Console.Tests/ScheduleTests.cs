namespace VmControl.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ScheduleTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task NewSchedule_ShowsItsWeek_AndTheVmPageShowsItAndTakesAnOverride()
    {
        var name = UniqueName("sched");
        var id = await Api.CreateActiveVmAsync(name, Image, Timeout);
        var page = await OpenAsync("#/schedules");

        // A disabled schedule: the page and the preview work without the tick acting on the fixture's VMs.
        await page.GetByText("New schedule").ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "New schedule" });
        await form.GetByLabel("Name").FillAsync(name);
        await form.GetByLabel("Time zone").FillAsync("Europe/London");
        await form.GetByLabel("VM ids").FillAsync(id);
        await form.GetByLabel("Enabled").UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.week tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("table.week")).ToContainTextAsync("08:00-18:00");

        await page.GotoAsync($"/#/vms/{id}");
        var panel = page.Locator("section.vm-schedule");
        await Assertions.Expect(panel).ToContainTextAsync("No schedule claims this VM");
        var overrideForm = page.GetByRole(AriaRole.Form, new() { Name = "Override" });
        await overrideForm.GetByLabel("Reason").FillAsync("release night");
        await overrideForm.GetByRole(AriaRole.Button, new() { Name = "Override" }).ClickAsync();
        await Assertions.Expect(overrideForm.Locator(".msg.ok")).ToContainTextAsync("Override set");
    }
}
