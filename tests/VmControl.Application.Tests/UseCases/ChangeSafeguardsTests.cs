namespace VmControl.Application.Tests.UseCases;

/// <summary>
/// Lock and protection through the real stores and engine (docs/lifecycle.md §4): who may act on a locked VM, who may
/// lift a lock, and which actions the protection flags refuse, for everyone.
/// </summary>
public sealed class ChangeSafeguardsTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    private static readonly Caller Operator = new("olivia", Role.Operator, Projects.Default);
    private static readonly Caller OtherOperator = new("oscar", Role.Operator, Projects.Default);
    private static readonly Caller Admin = new("ada", Role.Admin, Projects.Default);

    [Fact]
    public async Task LockedVm_RefusesAnOperatorsAction_LetsAnAdminAct_AndRecordsLockAndUnlock()
    {
        var vm = await system.CreateActiveVmAsync("locked-1");
        var locked = await ChangeAsync(new SafeguardChange(vm.Id, Operator, Lock: true, LockReason: "db migration"));
        Assert.True(locked.Locked);
        Assert.Equal(("db migration", "olivia", false), (locked.LockedReason, locked.LockedBy, locked.LockedByAdmin));

        var refused = await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop, Caller: OtherOperator));
        var guarded = Assert.IsType<CommandResult.Guarded>(refused);
        Assert.Equal(("vm_locked", "db migration"), (guarded.Refusal.Code, guarded.Refusal.LockReason));
        Assert.Null((await system.Vms.GetAsync(vm.Id))!.TaskState);

        var byAdmin = await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop, Caller: Admin));
        Assert.IsType<CommandResult.Accepted>(byAdmin);
        await system.WaitIdleAsync(vm.Id);

        // A lock a non-admin set is lifted by its project's operators (Nova's locked_by: owner).
        var unlocked = await ChangeAsync(new SafeguardChange(vm.Id, OtherOperator, Lock: false));
        Assert.False(unlocked.Locked);
        Assert.Null(unlocked.LockedBy);
        var history = (await system.Actions.ListAsync(vm.Id, 100, null)).Items.Select(a => (a.Action, a.RequestedBy)).ToList();
        Assert.Contains(("lock", "olivia"), history);
        Assert.Contains(("unlock", "oscar"), history);
    }

    [Fact]
    public async Task AdminsLock_IsLiftedByAnAdminOnly_AndBlocksFlagChangesByOthers()
    {
        var vm = await system.CreateActiveVmAsync("locked-2");
        await ChangeAsync(new SafeguardChange(vm.Id, Admin, Lock: true, LockReason: "legal hold"));

        var unlock = await system.Commands.ChangeSafeguardsAsync(new SafeguardChange(vm.Id, Operator, Lock: false));
        var flags = await system.Commands.ChangeSafeguardsAsync(new SafeguardChange(vm.Id, Operator, DeleteProtection: true));

        Assert.Equal("vm_locked", Assert.IsType<CommandResult.Guarded>(unlock).Refusal.Code);
        Assert.Equal("vm_locked", Assert.IsType<CommandResult.Guarded>(flags).Refusal.Code);
        Assert.True((await system.Vms.GetAsync(vm.Id))!.Locked);
        Assert.False((await ChangeAsync(new SafeguardChange(vm.Id, Admin, Lock: false))).Locked);
    }

    [Theory]
    [InlineData(VmAction.Delete)]
    [InlineData(VmAction.SoftDelete)]
    public async Task DeleteProtection_RefusesTheDeletesEvenForAnAdmin_UntilCleared(VmAction action)
    {
        var vm = await system.CreateActiveVmAsync("protected-" + action);
        await ChangeAsync(new SafeguardChange(vm.Id, Operator, DeleteProtection: true));

        var refused = await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, action, Caller: Admin));
        var guarded = Assert.IsType<CommandResult.Guarded>(refused);
        Assert.Equal(("vm_protected", Safeguard.DeleteProtection), (guarded.Refusal.Code, guarded.Refusal.Safeguard));
        Assert.Equal(VmState.Active, (await system.Vms.GetAsync(vm.Id))!.VmState);

        await ChangeAsync(new SafeguardChange(vm.Id, Operator, DeleteProtection: false));
        Assert.IsType<CommandResult.Accepted>(await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, action, Caller: Operator)));
        await system.WaitIdleAsync(vm.Id);
    }

    [Fact]
    public async Task StopProtection_RefusesStopAndSuspend_ButNotReboot()
    {
        var vm = await system.CreateActiveVmAsync("stop-protected");
        await ChangeAsync(new SafeguardChange(vm.Id, Operator, StopProtection: true));

        foreach (var action in new[] { VmAction.Stop, VmAction.Suspend })
        {
            var refused = await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, action, Caller: Admin));
            Assert.Equal(Safeguard.StopProtection, Assert.IsType<CommandResult.Guarded>(refused).Refusal.Safeguard);
        }

        Assert.IsType<CommandResult.Accepted>(await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Reboot, Caller: Operator)));
        await system.WaitIdleAsync(vm.Id);
    }

    [Fact]
    public async Task StaleIfMatch_Answers412_AndChangesNothing()
    {
        var vm = await system.CreateActiveVmAsync("stale");
        await ChangeAsync(new SafeguardChange(vm.Id, Operator, StopProtection: true));

        var result = await system.Commands.ChangeSafeguardsAsync(new SafeguardChange(vm.Id, Operator, IfMatch: vm.ETag, DeleteProtection: true));

        Assert.IsType<CommandResult.PreconditionFailed>(result);
        Assert.False((await system.Vms.GetAsync(vm.Id))!.DeleteProtection);
    }

    [Fact]
    public async Task ARename_IsNoTaskAndNoHistory_AndALockDoesNotStopIt_ButStopsTheFlagsItCarries()
    {
        var vm = await system.CreateActiveVmAsync("rename-1");
        await ChangeAsync(new SafeguardChange(vm.Id, Admin, Lock: true, LockReason: "audit"));
        var before = (await system.Actions.ListAsync(vm.Id, 100, null)).Items.Count;

        // Nova's server update is allowed on a locked server; the protection flags are what the lock guards.
        var renamed = await ChangeAsync(new SafeguardChange(vm.Id, Operator, Details: new VmDetailsChange("Rénamed ✓", new TextPatch("about it"))));
        var withFlag = await system.Commands.ChangeSafeguardsAsync(
            new SafeguardChange(vm.Id, Operator, StopProtection: true, Details: new VmDetailsChange("again")));

        Assert.Equal(("Rénamed ✓", "about it", (TaskState?)null), (renamed.Name, renamed.Description, renamed.TaskState));
        Assert.Equal("vm_locked", Assert.IsType<CommandResult.Guarded>(withFlag).Refusal.Code);
        Assert.Equal("Rénamed ✓", (await system.Vms.GetAsync(vm.Id))!.Name);
        Assert.Equal(before, (await system.Actions.ListAsync(vm.Id, 100, null)).Items.Count);
    }

    private async Task<VmRecord> ChangeAsync(SafeguardChange change) =>
        Assert.IsType<CommandResult.Updated>(await system.Commands.ChangeSafeguardsAsync(change)).Vm;
}
