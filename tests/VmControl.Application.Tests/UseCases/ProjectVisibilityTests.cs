namespace VmControl.Application.Tests.UseCases;

/// <summary>
/// Projects as Nova's tenancy, through the real stores and engine: another project's VM does not exist for a reader or
/// an operator (null, so the API answers 404, never 403), in reads, listings, history and actions; admins see all.
/// </summary>
public sealed class ProjectVisibilityTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    private static readonly Caller Alice = new("alice", Role.Operator, "blue");
    private static readonly Caller Bob = new("bob", Role.Operator, "green");
    private static readonly Caller Admin = new("ada", Role.Admin, Projects.Default);

    [Fact]
    public async Task AnotherProjectsVm_IsAbsentForAnOperator_AndVisibleToAnAdmin()
    {
        var created = Assert.IsType<CommandResult.Accepted>(await system.Commands.CreateAsync(new CreateVmRequest("blue-1", "small", "ubuntu", Caller: Alice)));
        var vm = await system.WaitIdleAsync(created.Vm.Id);
        Assert.Equal("blue", vm.Project);
        var queries = system.Services.GetRequiredService<VmQueries>();

        Assert.Null(await queries.GetVmAsync(vm.Id, Bob));
        Assert.Null(await queries.ListActionsAsync(vm.Id, Bob, 10, null));
        Assert.Null(await queries.GetActionAsync(vm.Id, created.Action.Id, Bob));
        Assert.IsType<CommandResult.NotFound>(await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop, Caller: Bob)));
        Assert.IsType<CommandResult.NotFound>(await system.Commands.DeleteAsync(vm.Id, null, Bob));
        Assert.DoesNotContain((await queries.ListVmsAsync(new VmQuery(Limit: 1000), Bob)).Items, v => v.Id == vm.Id);

        Assert.NotNull(await queries.GetVmAsync(vm.Id, Alice));
        Assert.Contains((await queries.ListVmsAsync(new VmQuery(Limit: 1000), Alice)).Items, v => v.Id == vm.Id);
        Assert.NotNull(await queries.GetVmAsync(vm.Id, Admin));
        Assert.Contains((await queries.ListVmsAsync(new VmQuery(Limit: 1000), Admin)).Items, v => v.Id == vm.Id);
    }

    [Fact]
    public async Task ListVms_ByAnOperatorNamingAnotherProject_StillListsOnlyTheirOwn()
    {
        Assert.IsType<CommandResult.Accepted>(await system.Commands.CreateAsync(new CreateVmRequest("green-1", "small", "ubuntu", Caller: Bob)));
        Assert.IsType<CommandResult.Accepted>(await system.Commands.CreateAsync(new CreateVmRequest("blue-2", "small", "ubuntu", Caller: Alice)));
        var queries = system.Services.GetRequiredService<VmQueries>();

        var page = await queries.ListVmsAsync(new VmQuery(Limit: 1000, Project: "green"), Alice);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, v => Assert.Equal("blue", v.Project));
    }

    [Fact]
    public async Task Create_InAnotherProject_IsForAdminsOnly()
    {
        var refused = await system.Commands.CreateAsync(new CreateVmRequest("x", "small", "ubuntu", Caller: Alice, Project: "green"));
        var allowed = await system.Commands.CreateAsync(new CreateVmRequest("y", "small", "ubuntu", Caller: Admin, Project: "green"));

        Assert.Equal("project", Assert.IsType<CommandResult.Forbidden>(refused).Field);
        Assert.Equal("green", Assert.IsType<CommandResult.Accepted>(allowed).Vm.Project);
        await system.WaitIdleAsync(((CommandResult.Accepted)allowed).Vm.Id);
    }
}
