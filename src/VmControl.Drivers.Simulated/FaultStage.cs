namespace VmControl.Drivers.Simulated;

/// <summary>Where a simulated fault hits: refusing the call, or failing the started operation when it completes.</summary>
public enum FaultStage
{
    /// <summary><c>BeginAsync</c> throws; nothing changed on the machine.</summary>
    Begin,

    /// <summary><c>BeginAsync</c> succeeds and the operation fails when it completes (the hypervisor started and failed).</summary>
    Complete,
}
