using VmControl.Application.Budget;
using VmControl.Application.PowerSync;

namespace VmControl.Application.Tests.Budget;

/// <summary>The shared rate budget in use: the automated actors draw from it, and a throttled call parks it for everyone.</summary>
public sealed class RateBudgetUseTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    private IRateBudget Budget => system.Services.GetRequiredService<IRateBudget>();

    private BudgetScope Scope => system.Services.GetRequiredService<BudgetScope>();

    [Fact]
    public async Task HealWithoutAToken_IsDeferredToALaterPass_AndStartsOnceTheBudgetAllows()
    {
        var vm = await system.CreateActiveVmAsync();
        await system.SetPowerAsync(vm, PowerState.Shutdown);
        var parkedUntil = DateTimeOffset.UtcNow.AddSeconds(3);
        await Budget.ParkAsync(Scope, parkedUntil);
        var sync = system.PowerSync(s => s.HealPolicy = HealPolicy.Heal);

        await sync.RunPassAsync();
        var deferred = await sync.RunPassAsync();
        await Task.Delay(parkedUntil - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
        var healed = await sync.RunPassAsync();

        Assert.Equal((0, 1), (deferred.HealsStarted, deferred.Deferred));
        Assert.Equal((1, 0), (healed.HealsStarted, healed.Deferred));
        Assert.Equal(VmState.Stopped, (await system.WaitIdleAsync(vm.Id)).VmState);
    }

    [Fact]
    public async Task AThrottledBegin_ParksTheBudgetUntilItsRetryAfter()
    {
        var vm = await system.CreateActiveVmAsync();
        system.Simulator.Throttle.Set(1, TimeSpan.FromMinutes(10));
        await system.RunAsync(vm.Id, VmAction.Stop);
        await system.WaitIdleAsync(vm.Id);

        var start = Assert.IsType<CommandResult.Accepted>(await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Start)));
        BudgetGrant grant;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            grant = await Budget.TryTakeAsync(Scope);
        }
        while (grant.Granted && DateTimeOffset.UtcNow < deadline);

        Assert.True(grant.Parked);
        Assert.InRange(grant.RetryAt!.Value, DateTimeOffset.UtcNow.AddMinutes(9), DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.True(system.Simulator.Throttle.Refused >= 1);

        // Lifted, the task's own retry goes through.
        system.Simulator.Throttle.Set(0, TimeSpan.FromMinutes(1));
        Assert.Equal(VmState.Active, (await system.WaitIdleAsync(vm.Id, TimeSpan.FromSeconds(90))).VmState);
        Assert.Equal(ActionStatus.Succeeded, (await system.WaitFinishedAsync(vm.Id, start.Action.Id)).Status);
    }
}
