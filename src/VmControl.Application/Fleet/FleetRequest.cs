namespace VmControl.Application.Fleet;

/// <summary>What a caller asks of a fleet operation (docs/fleet.md); <see cref="FleetOperations.StartAsync"/> checks it.</summary>
public sealed record FleetRequest(
    VmAction Action,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string>? VmIds,
    Selector? Selector,
    IReadOnlyList<Selector> Tiers,
    string? TierTag,
    TimeSpan TierDelay,
    FleetReadiness Readiness,
    int Concurrency);
