namespace VmControl.Application.Budget;

/// <summary>
/// A budget's answer: <see cref="Count"/> tokens granted, or none before <see cref="RetryAt"/> (a token refills, or the
/// park ends). A partial grant also says when the next token comes.
/// </summary>
public sealed record BudgetGrant(bool Granted, DateTimeOffset? RetryAt, bool Parked = false, int Count = 1)
{
    public static BudgetGrant Yes { get; } = new(true, null);

    public static BudgetGrant NotBefore(DateTimeOffset at, bool parked = false) => new(false, at, parked, Count: 0);
}
