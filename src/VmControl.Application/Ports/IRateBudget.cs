using VmControl.Application.Budget;

namespace VmControl.Application.Ports;

/// <summary>
/// The shared rate budget (docs/fleet.md): a token bucket per scope, kept where every worker sees it and changed only by
/// compare-and-swap. Automated actors take a token before they start an action; a throttled driver call parks it.
/// </summary>
public interface IRateBudget
{
    /// <summary>Takes one start from the scope's budget, or says when to ask again.</summary>
    Task<BudgetGrant> TryTakeAsync(BudgetScope scope, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="count"/> starts at once (one compare-and-swap), as many as the budget holds.</summary>
    Task<BudgetGrant> TryTakeAsync(BudgetScope scope, int count, CancellationToken cancellationToken = default);

    /// <summary>Returns tokens taken for starts that did not happen (the VM was skipped), never above capacity.</summary>
    Task GiveBackAsync(BudgetScope scope, int count, CancellationToken cancellationToken = default);

    /// <summary>Grants nothing in the scope until <paramref name="until"/> (a provider's Retry-After); a later park wins.</summary>
    Task ParkAsync(BudgetScope scope, DateTimeOffset until, CancellationToken cancellationToken = default);
}
