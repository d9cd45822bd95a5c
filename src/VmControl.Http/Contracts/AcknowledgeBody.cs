namespace VmControl.Http.Contracts;

public sealed record AcknowledgeBody(string? Note);
