namespace VmControl.Application.Budget;

/// <summary>
/// The <c>RateBudget</c> settings (docs/fleet.md): how many action starts the automated actors (heal, reclaim, fleet
/// operations, schedules) may make per window, per budget scope. The default is Azure's documented limit for VM
/// start and deallocate calls: 1,250 per subscription, region and hour.
/// </summary>
public sealed class RateBudgetSettings
{
    public const string Section = "RateBudget";

    public bool Enabled { get; set; } = true;

    public int Capacity { get; set; } = 1250;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
