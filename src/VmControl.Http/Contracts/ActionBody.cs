namespace VmControl.Http.Contracts;

/// <summary>The body of <c>POST /api/vms/{id}/actions</c>: the action and its parameters beside it.</summary>
public sealed record ActionBody(string? Action, string? Type = null, string? Size = null, string? Image = null, string? Name = null);
