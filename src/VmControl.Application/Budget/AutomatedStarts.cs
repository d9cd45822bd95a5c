namespace VmControl.Application.Budget;

/// <summary>
/// The rate budget as the automated actors (heal, reclaim, fleet operations, schedules) use it: one token per action
/// they start, from the scope of the deployment's driver. People's own requests do not draw from it; a throttled call
/// of anyone's parks it (<see cref="ThrottledAsync"/>), because the provider's limit is shared.
/// </summary>
public sealed class AutomatedStarts(IRateBudget budget, BudgetScope scope, TimeProvider time)
{
    public BudgetScope Scope { get; } = scope ?? throw new ArgumentNullException(nameof(scope));

    public Task<BudgetGrant> TakeAsync(CancellationToken cancellationToken) => budget.TryTakeAsync(Scope, cancellationToken);

    /// <summary>Up to <paramref name="count"/> starts in one write (a fleet step issuing a batch).</summary>
    public Task<BudgetGrant> TakeAsync(int count, CancellationToken cancellationToken) => budget.TryTakeAsync(Scope, count, cancellationToken);

    /// <summary>Tokens taken for VMs that were then skipped: they started nothing.</summary>
    public Task GiveBackAsync(int count, CancellationToken cancellationToken) =>
        count > 0 ? budget.GiveBackAsync(Scope, count, cancellationToken) : Task.CompletedTask;

    /// <summary>The provider refused a call for its rate limit: nothing automated starts before its Retry-After.</summary>
    public Task ThrottledAsync(TimeSpan retryAfter, CancellationToken cancellationToken) =>
        budget.ParkAsync(Scope, time.GetUtcNow() + retryAfter, cancellationToken);
}
