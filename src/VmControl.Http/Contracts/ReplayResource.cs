namespace VmControl.Http.Contracts;

public sealed record ReplayResource(int Replayed);
