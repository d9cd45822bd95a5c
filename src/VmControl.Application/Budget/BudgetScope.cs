namespace VmControl.Application.Budget;

/// <summary>
/// Which shared budget the driver's calls draw from: the provider's rate-limit scope (for Azure, subscription and
/// region; for libvirt, the host; for the simulator, one). Every worker of a deployment uses the same value.
/// </summary>
public sealed record BudgetScope(string Value)
{
    public static BudgetScope Default { get; } = new("default");
}
