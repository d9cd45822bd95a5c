namespace VmControl.Http.Contracts;

public sealed record SimulatorMachineBody(string? Name, string? PowerState);
