namespace VmControl.OpenStack.Tests.Contract;

/// <summary>
/// The OpenStack face under docs/security.md: Keystone roles as VmControl's (reader reads, member acts, admin more),
/// the token's project as the VM's (another project's server is a 404, <c>tenant_id</c> is the VM's project), and
/// Nova's <c>lock</c> / <c>unlock</c> server actions.
/// </summary>
public sealed class ProjectAndLockTests
{
    [Fact]
    public async Task Reader_MayListButNotAct()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (list, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers", user: "rita");
        var (stop, fault, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{ "os-stop": null }""", user: "rita");

        Assert.Equal(200, list);
        Assert.Single(body.GetProperty("servers").EnumerateArray());
        Assert.Equal(403, stop);
        Assert.Equal(403, fault.GetProperty("forbidden").GetProperty("code").GetInt32());
        Assert.Null((await host.Vms.GetAsync(vm.Id))!.TaskState);
    }

    [Fact]
    public async Task AnotherProjectsServer_IsNotFound_AndNotListed()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (show, _, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", user: "otto");
        var (list, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers", user: "otto");
        var (stop, _, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{ "os-stop": null }""", user: "otto");

        Assert.Equal((404, 200, 404), (show, list, stop));
        Assert.Empty(body.GetProperty("servers").EnumerateArray());
    }

    [Fact]
    public async Task ServerView_TenantId_IsTheVmsProject()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (_, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", user: "bob");

        Assert.Equal(Identity.KeystoneIds.Of("project", "demo"), body.GetProperty("server").GetProperty("tenant_id").GetString());
    }

    [Fact]
    public async Task Lock_ByAMember_RefusesAnotherMembersAction_UntilUnlocked()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (locked, _, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{ "lock": { "locked_reason": "patching" } }""", user: "bob", version: "2.73");
        Assert.Equal(202, locked);
        Assert.Equal(("patching", true), ((await host.Vms.GetAsync(vm.Id))!.LockedReason, (await host.Vms.GetAsync(vm.Id))!.Locked));

        // Admins pass a lock (Nova's default policy); the member's own stop does not.
        var (stop, fault, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{ "os-stop": null }""", user: "bob");
        Assert.Equal(409, stop);
        Assert.Contains("is locked", fault.GetProperty("conflictingRequest").GetProperty("message").GetString(), StringComparison.Ordinal);

        var (unlocked, _, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{ "unlock": null }""", user: "bob");
        Assert.Equal(202, unlocked);
        Assert.False((await host.Vms.GetAsync(vm.Id))!.Locked);
    }

    [Theory]
    [InlineData("2.72", """{ "lock": { "locked_reason": "patching" } }""", 202, null)]
    [InlineData("2.72", """{ "lock": { "anything": 1 } }""", 202, null)]
    [InlineData("2.73", """{ "lock": { "locked_reason": "patching" } }""", 202, "patching")]
    [InlineData("2.73", """{ "lock": null }""", 202, null)]
    [InlineData("2.73", """{ "lock": {} }""", 202, null)]
    [InlineData("2.73", """{ "lock": { "locked_reason": "" } }""", 400, null)]
    [InlineData("2.73", """{ "lock": { "locked_reason": 5 } }""", 400, null)]
    [InlineData("2.73", """{ "lock": { "reason": "patching" } }""", 400, null)]
    public async Task Lock_TakesAReasonOnlyFrom273_AsNovasSchema(string version, string body, int expected, string? reason)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (status, fault, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", body, user: "bob", version: version);

        Assert.Equal(expected, status);
        var stored = (await host.Vms.GetAsync(vm.Id))!;
        Assert.Equal((expected == 202, reason), (stored.Locked, stored.LockedReason));
        if (expected == 400)
        {
            Assert.Equal(400, fault.GetProperty("badRequest").GetProperty("code").GetInt32());
        }
    }

    [Fact]
    public async Task LockedAndReason_AreShownFrom29And273()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{ "lock": { "locked_reason": "patching" } }""", version: "2.73");

        var (_, v28, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", version: "2.8");
        var (_, v72, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", version: "2.72");
        var (_, v73, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", version: "2.73");

        Assert.False(v28.GetProperty("server").TryGetProperty("locked", out _));
        Assert.True(v72.GetProperty("server").GetProperty("locked").GetBoolean());
        Assert.False(v72.GetProperty("server").TryGetProperty("locked_reason", out _));
        Assert.Equal("patching", v73.GetProperty("server").GetProperty("locked_reason").GetString());
    }
}
