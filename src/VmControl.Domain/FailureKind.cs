namespace VmControl.Domain;

/// <summary>How far a failed task got on the hypervisor.</summary>
public enum FailureKind
{
    /// <summary>The hypervisor refused or failed before anything moved.</summary>
    NothingChanged,

    /// <summary>The hypervisor operation started and did not complete.</summary>
    Started,
}
