namespace VmControl.Application.Model;

public sealed record ActionError(string Code, string Message);
