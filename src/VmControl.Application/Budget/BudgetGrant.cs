namespace VmControl.Application.Budget;

/// <summary>A budget's answer: granted, or not before <see cref="RetryAt"/> (a token refills, or the park ends).</summary>
public sealed record BudgetGrant(bool Granted, DateTimeOffset? RetryAt, bool Parked = false)
{
    public static BudgetGrant Yes { get; } = new(true, null);

    public static BudgetGrant NotBefore(DateTimeOffset at, bool parked = false) => new(false, at, parked);
}
