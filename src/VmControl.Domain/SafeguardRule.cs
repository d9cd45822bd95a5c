namespace VmControl.Domain;

/// <summary>One row of <see cref="SafeguardTable"/>: the safeguards that refuse <see cref="Action"/>.</summary>
public sealed record SafeguardRule(VmAction Action, IReadOnlyList<Safeguard> RefusedBy);
