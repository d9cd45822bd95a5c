namespace VmControl.Application.Tests.UseCases;

/// <summary>Nova's tag API over the VM's tag map, through the real stores (the tag index follows every change).</summary>
public sealed class ChangeTagsTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    private static readonly Caller Operator = new("olivia", Role.Operator, Projects.Default);
    private static readonly Caller Stranger = new("sam", Role.Operator, "elsewhere");

    private ChangeTags Tags => system.Services.GetRequiredService<ChangeTags>();

    [Fact]
    public async Task AddReplaceRemove_ChangeTheMap_AndTheTagListingsFollow()
    {
        var vm = await system.CreateActiveVmAsync("tags-1");
        var unique = "run" + Guid.NewGuid().ToString("N")[..8];

        var added = await ChangeAsync(vm.Id, TagChangeKind.Add, unique, "tier=1");
        var retiered = await ChangeAsync(vm.Id, TagChangeKind.Add, "tier=2");
        var removed = await ChangeAsync(vm.Id, TagChangeKind.Remove, "tier=2", "not-there");
        var listed = await system.Vms.ListAsync(new VmQuery(Tags: new TagFilter([unique], [], [], [])));
        var replaced = await ChangeAsync(vm.Id, TagChangeKind.Replace, "prod");

        Assert.Equal(new Dictionary<string, string> { [unique] = "", ["tier"] = "1" }, added.Tags);
        Assert.Equal("2", retiered.Tags["tier"]);
        Assert.Equal(new Dictionary<string, string> { [unique] = "" }, removed.Tags);
        Assert.Equal([vm.Id], listed.Items.Select(v => v.Id));
        Assert.Equal(new Dictionary<string, string> { ["prod"] = "" }, replaced.Tags);
        Assert.Empty((await system.Vms.ListAsync(new VmQuery(Tags: new TagFilter([unique], [], [], [])))).Items);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a,b")]
    [InlineData("")]
    [InlineData("=value")]
    [InlineData("bell\a")]
    public async Task ATagThatIsNotOne_IsRefusedAndChangesNothing(string tag)
    {
        var vm = await system.CreateActiveVmAsync("tags-2");

        var result = await Tags.ChangeAsync(new TagChange(vm.Id, TagChangeKind.Add, [tag], Operator));

        Assert.Equal("tags", Assert.IsType<CommandResult.Invalid>(result).Field);
        Assert.Empty((await system.Vms.GetAsync(vm.Id))!.Tags);
    }

    [Fact]
    public async Task MoreThanFiftyTags_AreRefused()
    {
        var vm = await system.CreateActiveVmAsync("tags-3");

        var result = await Tags.ChangeAsync(new TagChange(vm.Id, TagChangeKind.Replace, [.. Enumerable.Range(0, 51).Select(i => $"t{i}")], Operator));

        Assert.IsType<CommandResult.Invalid>(result);
    }

    [Fact]
    public async Task AnotherProjectsVm_IsNotFound_AndAStaleIfMatchFailsThePrecondition()
    {
        var vm = await system.CreateActiveVmAsync("tags-4");
        await ChangeAsync(vm.Id, TagChangeKind.Add, "moved");

        var stranger = await Tags.ChangeAsync(new TagChange(vm.Id, TagChangeKind.Add, ["x"], Stranger));
        var stale = await Tags.ChangeAsync(new TagChange(vm.Id, TagChangeKind.Add, ["y"], Operator, IfMatch: vm.ETag));

        Assert.IsType<CommandResult.NotFound>(stranger);
        Assert.IsType<CommandResult.PreconditionFailed>(stale);
        Assert.Equal(["moved"], (await system.Vms.GetAsync(vm.Id))!.Tags.Keys);
    }

    private async Task<VmRecord> ChangeAsync(string vmId, TagChangeKind kind, params string[] tags)
    {
        var result = await Tags.ChangeAsync(new TagChange(vmId, kind, tags, Operator));
        return Assert.IsType<CommandResult.Updated>(result).Vm;
    }
}
