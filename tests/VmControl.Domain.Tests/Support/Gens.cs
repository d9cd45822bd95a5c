using CsCheck;

namespace VmControl.Domain.Tests.Support;

/// <summary>CsCheck generators over the lifecycle's statuses and actions.</summary>
internal static class Gens
{
    public static readonly Gen<VmAction> Action = Gen.Enum<VmAction>();

    public static readonly Gen<TaskState?> Task =
        Gen.Select(Gen.Bool, Gen.Enum<TaskState>(), (inFlight, task) => inFlight ? task : (TaskState?)null);

    /// <summary>Any combination of the three statuses, with or without a remembered pre-resize state.</summary>
    public static readonly Gen<VmStatus> Status = Gen.Select(
        Gen.Enum<VmState>(),
        Task,
        Gen.Enum<PowerState>(),
        Gen.Bool,
        Gen.Enum<VmState>(),
        (state, task, power, remembers, before) => new VmStatus(state, task, power, remembers ? before : null));

    public static readonly Gen<(VmStatus Vm, VmAction Action)> StatusAndAction = Gen.Select(Status, Action);
}
