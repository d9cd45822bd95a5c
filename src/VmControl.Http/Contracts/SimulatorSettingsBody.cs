namespace VmControl.Http.Contracts;

public sealed record SimulatorSettingsBody(int? LatencyMs, double? FailureRate);
