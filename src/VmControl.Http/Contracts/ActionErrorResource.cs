namespace VmControl.Http.Contracts;

public sealed record ActionErrorResource(string Code, string Message);
