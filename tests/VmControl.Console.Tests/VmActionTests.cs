namespace VmControl.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class VmActionTests(ConsoleFixture fixture) : ConsoleTest(fixture)
{
    [Fact]
    public async Task Stop_AsksForConfirmation_AndTheHintFollowsTheNewState_WithoutMovingTheButtons()
    {
        var name = UniqueName("stop");
        var id = await Api.CreateActiveVmAsync(name, Image, Timeout);
        var page = await OpenAsync($"#/vms/{id}");
        var vm = new VmPage(page);
        await Assertions.Expect(vm.VmState).ToHaveTextAsync("active");

        // The buttons come in groups, and the actions allowed now stand out from the greyed ones.
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Power" }).Locator("[data-action='stop']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Maintenance" }).Locator("[data-action='rebuild']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Delete and restore" }).Locator("[data-action='soft_delete']")).ToHaveCountAsync(1);
        await Assertions.Expect(vm.Action("stop")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\ballowed\\b"));
        await Assertions.Expect(vm.Action("start")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\ballowed\\b"));

        await vm.Action("stop").HoverAsync();
        await Assertions.Expect(vm.Hint).ToContainTextAsync("Request stop");
        var before = await vm.Action("start").BoundingBoxAsync();

        // Cancel sends nothing; "Yes, stop" sends the stop.
        await vm.Action("stop").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Stop {name}?" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.DoesNotContain(await Api.ListActionsAsync(id, Timeout), a => a.GetProperty("action").GetString() == "stop");

        await vm.Action("stop").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, stop" }).ClickAsync();
        await Assertions.Expect(vm.Messages.Locator(".msg.ok")).ToContainTextAsync("stop accepted");
        // The message has its own slot: the buttons stay where the operator's pointer is.
        var after = await vm.Action("start").BoundingBoxAsync();
        Assert.Equal(before!.Y, after!.Y);

        await Assertions.Expect(vm.VmState).ToHaveTextAsync("stopped");
        await Assertions.Expect(vm.PowerState).ToHaveTextAsync("shutdown");
        await Assertions.Expect(vm.History("stop", "succeeded")).ToHaveCountAsync(1);
        await Assertions.Expect(vm.Action("start")).ToHaveAttributeAsync("aria-disabled", "false");
        await Assertions.Expect(vm.Action("stop")).ToHaveAttributeAsync("aria-disabled", "true");
        // The hint still describes the stop button, as it is now (it read "Request stop" before).
        await Assertions.Expect(vm.Hint).ToHaveTextAsync("Not allowed in vm_state stopped (allowed from: active).");
    }

    [Fact]
    public async Task RefusedAction_ShowsItsReason()
    {
        var id = await Api.CreateActiveVmAsync(UniqueName("refuse"), Image, Timeout);
        var page = await OpenAsync($"#/vms/{id}");
        var vm = new VmPage(page);
        await Assertions.Expect(vm.VmState).ToHaveTextAsync("active");

        // A button the lifecycle refuses now is disabled with the reason on hover and on press.
        await Assertions.Expect(vm.Action("start")).ToHaveAttributeAsync("aria-disabled", "true");
        await Assertions.Expect(vm.Action("start")).ToHaveAttributeAsync("title", "Not allowed in vm_state active (allowed from: stopped).");
        // aria-disabled, not disabled: it stays in the focus order, and pressing it says why instead of calling the API.
        await vm.Action("start").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(vm.Messages).ToContainTextAsync("Not allowed in vm_state active");

        // The page is stale (live updates off) while the VM is stopped elsewhere: the API's 409 is shown with the
        // VM's vm_state, task_state and the actions allowed now, never a bare status code.
        await page.GetByLabel("Live updates").UncheckAsync();
        await Api.StartActionAsync(id, new { action = "stop" }, Timeout);
        await Api.WaitVmStateAsync(id, "stopped", Timeout);
        await vm.Action("pause").ClickAsync();

        var problem = vm.Messages.Locator(".problem");
        await Assertions.Expect(problem).ToContainTextAsync("The lifecycle refused the request.");
        await Assertions.Expect(problem.Locator("dd[data-fact='vm_state']")).ToHaveTextAsync("stopped");
        await Assertions.Expect(problem.Locator("dd[data-fact='task_state']")).ToHaveTextAsync("none");
        await Assertions.Expect(problem.Locator("dd[data-fact='allowed actions']")).ToContainTextAsync("start");
        await Assertions.Expect(problem).Not.ToContainTextAsync("409");
    }

    [Fact]
    public async Task SlowAction_ShowsItsTaskInProgress_AndDeletePreemptsIt()
    {
        var name = UniqueName("slow");
        var id = await Api.CreateActiveVmAsync(name, Image, Timeout);
        try
        {
            // The simulator panel slows every later hypervisor call down.
            var page = await OpenAsync("#/simulator");
            var settings = page.GetByRole(AriaRole.Form, new() { Name = "Latency and failures" });
            await settings.GetByLabel("Latency (ms)").FillAsync("120000");
            await settings.GetByRole(AriaRole.Button, new() { Name = "Apply settings" }).ClickAsync();
            await Assertions.Expect(settings.Locator(".msg.ok")).ToContainTextAsync("120000");

            await page.GotoAsync($"/#/vms/{id}");
            var vm = new VmPage(page);
            await Assertions.Expect(vm.VmState).ToHaveTextAsync("active");
            await vm.Action("stop").ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Yes, stop" }).ClickAsync();

            await Assertions.Expect(vm.TaskState).ToHaveTextAsync("powering_off");
            await Assertions.Expect(vm.TaskState).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("busy"));
            await Assertions.Expect(vm.CurrentTask).ToContainTextAsync("Current task");
            await Assertions.Expect(vm.CurrentTask.Locator(".steps")).ToContainTextAsync("hypervisor.begin");
            await Assertions.Expect(vm.CurrentTask.Locator(".step.pending")).ToContainTextAsync("in progress");
            await Assertions.Expect(vm.History("stop", "running")).ToHaveCountAsync(1);
            await Assertions.Expect(vm.Action("start")).ToHaveAttributeAsync("title", "A task is in flight (task_state powering_off); only delete pre-empts it.");

            // Delete does not wait for the slow stop; its own hypervisor call is fast again.
            await Api.SetSimulatorLatencyAsync(0, Timeout);
            await vm.DeleteButton.ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog).ToContainTextAsync($"Hard delete {name}?");
            var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" });
            await Assertions.Expect(confirm).ToBeDisabledAsync();
            await dialog.GetByLabel("Type the VM's name").FillAsync(name);
            await confirm.ClickAsync();

            await Assertions.Expect(vm.VmState).ToHaveTextAsync("hard_deleted");
            await Assertions.Expect(vm.History("stop", "preempted")).ToHaveCountAsync(1);
            await Assertions.Expect(vm.History("delete", "succeeded")).ToHaveCountAsync(1);
            await Assertions.Expect(vm.History("create", "succeeded")).ToHaveCountAsync(1);
        }
        finally
        {
            await Api.ResetSimulatorAsync(CleanupTimeout);
        }
    }
}
