namespace VmControl.Storage.Tests;

public sealed class VmStoreListingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly IVmStore store = azurite.Vms;

    [Fact]
    public async Task Filters_Combine()
    {
        var target = await store.CreateAsync(TestData.Vm(VmState.Stopped, PowerState.Shutdown));
        var busy = await store.CreateAsync(TestData.Vm(VmState.Stopped, PowerState.Shutdown, TaskState.PoweringOn) with { CurrentActionId = ActionIds.New(TestData.Now) });
        await store.CreateAsync(TestData.Vm(VmState.Stopped, PowerState.Running));
        await store.CreateAsync(TestData.Vm(VmState.Active, PowerState.Shutdown));

        var stoppedAndShutdown = await store.ListAsync(new VmQuery(VmState.Stopped, PowerState: PowerState.Shutdown));
        var idle = await store.ListAsync(new VmQuery(VmState.Stopped, PowerState: PowerState.Shutdown, IdleOnly: true));
        var powering = await store.ListAsync(new VmQuery(VmState.Stopped, TaskState.PoweringOn, PowerState.Shutdown));
        var contradiction = await store.ListAsync(new VmQuery(TaskState: TaskState.PoweringOn, IdleOnly: true));

        Assert.Equal(new[] { busy.Id, target.Id }.Order(StringComparer.Ordinal), stoppedAndShutdown.Items.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal([target.Id], idle.Items.Select(v => v.Id));
        Assert.Equal([busy.Id], powering.Items.Select(v => v.Id));
        Assert.Empty(contradiction.Items);
    }

    [Fact]
    public async Task NamePrefix_KeepsOnlyNamesStartingWithIt_CaseSensitive()
    {
        var prefix = "np" + Guid.NewGuid().ToString("N")[..8];
        var web1 = await store.CreateAsync(TestData.Vm() with { Name = prefix + "-web-1" });
        var web2 = await store.CreateAsync(TestData.Vm(VmState.Stopped, PowerState.Shutdown) with { Name = prefix + "-web-2" });
        var exact = await store.CreateAsync(TestData.Vm() with { Name = prefix });
        await store.CreateAsync(TestData.Vm() with { Name = prefix[..^1] });
        await store.CreateAsync(TestData.Vm() with { Name = prefix.ToUpperInvariant() + "-web-3" });
        await store.CreateAsync(TestData.Vm() with { Name = prefix + "-db-1" });
        await store.CreateAsync(TestData.Vm() with { Name = prefix + "-zeta" });
        await store.CreateAsync(TestData.Vm() with { Name = "z" + prefix });

        var web = await store.ListAsync(new VmQuery(NamePrefix: prefix + "-web"));
        var all = await store.ListAsync(new VmQuery(NamePrefix: prefix));
        var stoppedWeb = await store.ListAsync(new VmQuery(VmState.Stopped, NamePrefix: prefix + "-web"));

        Assert.Equal(new[] { web1.Id, web2.Id }.Order(StringComparer.Ordinal), web.Items.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(5, all.Items.Count);
        Assert.Contains(exact.Id, all.Items.Select(v => v.Id));
        Assert.Equal([web2.Id], stoppedWeb.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task NamePrefix_FindsNamesWhoseNextCharacterIsBeyondAscii()
    {
        // Names are any printable Unicode: the prefix's upper bound must lie above "é", "✓" and astral characters too.
        var prefix = "nu" + Guid.NewGuid().ToString("N")[..8];
        var accented = await store.CreateAsync(TestData.Vm() with { Name = prefix + "é" });
        var symbol = await store.CreateAsync(TestData.Vm() with { Name = prefix + "✓ web" });
        var astral = await store.CreateAsync(TestData.Vm() with { Name = prefix + "🚀" });
        var tilde = await store.CreateAsync(TestData.Vm() with { Name = prefix + "~" });
        await store.CreateAsync(TestData.Vm() with { Name = prefix[..^1] + (char)(prefix[^1] + 1) });

        var found = await store.ListAsync(new VmQuery(NamePrefix: prefix));
        var narrow = await store.ListAsync(new VmQuery(NamePrefix: prefix + "✓"));

        Assert.Equal(
            new[] { accented.Id, symbol.Id, astral.Id, tilde.Id }.Order(StringComparer.Ordinal),
            found.Items.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal([symbol.Id], narrow.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task ExcludeHardDeleted_LeavesOutTheTombstones()
    {
        var prefix = "xd" + Guid.NewGuid().ToString("N")[..8];
        var live = await store.CreateAsync(TestData.Vm() with { Name = prefix + "-live" });
        var deleted = await store.CreateAsync(TestData.Vm(VmState.HardDeleted, PowerState.NoState) with { Name = prefix + "-gone" });

        var without = await store.ListAsync(new VmQuery(NamePrefix: prefix, ExcludeHardDeleted: true));
        var with = await store.ListAsync(new VmQuery(NamePrefix: prefix));

        Assert.Equal([live.Id], without.Items.Select(v => v.Id));
        Assert.Equal(new[] { live.Id, deleted.Id }.Order(StringComparer.Ordinal), with.Items.Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(-1)]
    public async Task List_LimitOutsideOneToThousand_Throws(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(new VmQuery(Limit: limit)));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("' or true or '")]
    [InlineData("eyJ2IjoxLCJjIjoidm0tMCB2bSJ9.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("1!vm-0000000000000000 vm")]
    public async Task List_ForgedContinuationToken_IsRejected(string token)
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => store.ListAsync(new VmQuery(ContinuationToken: token)));
    }

    [Fact]
    public async Task List_TokenOfAnotherFilter_IsRejected()
    {
        for (var i = 0; i < 3; i++)
        {
            await store.CreateAsync(TestData.Vm(VmState.Paused, PowerState.Paused));
        }

        var first = await store.ListAsync(new VmQuery(VmState.Paused, Limit: 1));

        Assert.NotNull(first.ContinuationToken);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => store.ListAsync(new VmQuery(VmState.Active, Limit: 1, ContinuationToken: first.ContinuationToken)));
    }
}
