namespace VmControl.Http.Contracts;

public sealed record SimulatorFaultBody(string? VmId, string? Action, int? Count, string? Kind);
