namespace VmControl.Http.Contracts;

public sealed record SimulatorPowerStateBody(string? PowerState);
