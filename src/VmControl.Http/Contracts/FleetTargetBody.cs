namespace VmControl.Http.Contracts;

/// <summary>What a fleet operation acts on: <c>vmIds</c>, or a <c>selector</c> resolved when it starts.</summary>
public sealed record FleetTargetBody(IReadOnlyList<string>? VmIds = null, SelectorBody? Selector = null);
