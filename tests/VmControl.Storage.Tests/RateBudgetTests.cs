using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VmControl.Application.Budget;

namespace VmControl.Storage.Tests;

/// <summary>The shared rate budget on Azurite: a token bucket row changed only by compare-and-swap.</summary>
public sealed class RateBudgetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TwentyConcurrentTakers_OfABudgetOfTen_ExactlyTenAreGranted()
    {
        var budget = Budget(capacity: 10);
        var scope = NewScope();

        var grants = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => budget.TryTakeAsync(scope)));

        Assert.Equal(10, grants.Count(g => g.Granted));
        Assert.All(grants.Where(g => !g.Granted), g => Assert.True(g.RetryAt > time.GetUtcNow()));
    }

    [Fact]
    public async Task AnEmptyBudget_GrantsAgainOnceTheWindowRefillsIt()
    {
        var budget = Budget(capacity: 2);
        var scope = NewScope();
        await budget.TryTakeAsync(scope);
        await budget.TryTakeAsync(scope);

        var refused = await budget.TryTakeAsync(scope);
        time.Advance(TimeSpan.FromSeconds(30));
        var granted = await budget.TryTakeAsync(scope);

        Assert.False(refused.Granted);
        Assert.Equal(time.GetUtcNow(), refused.RetryAt);
        Assert.True(granted.Granted);
    }

    [Fact]
    public async Task Park_StopsEveryGrantInTheScopeUntilItEnds_AndOtherScopesAreUntouched()
    {
        var budget = Budget(capacity: 100);
        var (scope, other) = (NewScope(), NewScope());
        var until = time.GetUtcNow().AddMinutes(20);

        await budget.ParkAsync(scope, until);
        var parked = await budget.TryTakeAsync(scope);
        var elsewhere = await budget.TryTakeAsync(other);
        time.Advance(TimeSpan.FromMinutes(20));
        var after = await budget.TryTakeAsync(scope);

        Assert.Equal((false, until, true), (parked.Granted, parked.RetryAt, parked.Parked));
        Assert.True(elsewhere.Granted);
        Assert.True(after.Granted);
    }

    [Fact]
    public async Task TwoWorkers_ShareOneBudget()
    {
        var scope = NewScope();
        var (one, two) = (Budget(capacity: 3), Budget(capacity: 3));

        var grants = new[] { await one.TryTakeAsync(scope), await two.TryTakeAsync(scope), await one.TryTakeAsync(scope), await two.TryTakeAsync(scope) };

        Assert.Equal([true, true, true, false], grants.Select(g => g.Granted));
    }

    private static BudgetScope NewScope() => new("azure/" + Guid.NewGuid().ToString("N") + "/westeurope");

    private TableRateBudget Budget(int capacity) =>
        new(azurite.Tables, Options.Create(new RateBudgetSettings { Capacity = capacity, Window = TimeSpan.FromMinutes(1) }), time);
}
