namespace VmControl.Http.Contracts;

public sealed record ResetStateBody(string? VmState, string? Reason);
